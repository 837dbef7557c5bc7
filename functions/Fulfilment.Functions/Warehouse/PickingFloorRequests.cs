namespace Fulfilment.Functions.Warehouse;

/// <summary>Body of <c>POST /api/picking-jobs/{orderId}/start</c>: who picks the job.</summary>
public sealed record StartPickingRequest(string PickerId);

/// <summary>Body of <c>POST /api/picking-jobs/{orderId}/pack</c>: how many parcels the order was packed in.</summary>
public sealed record PackRequest(int ParcelCount);

/// <summary>Body of <c>POST /api/picking-jobs/{orderId}/short-pick</c>: the line that could not be picked in full, and why.</summary>
public sealed record ShortPickRequest(Guid ProductId, int Picked, string Reason);
