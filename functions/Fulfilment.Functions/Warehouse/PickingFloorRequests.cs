namespace Fulfilment.Functions.Warehouse;

/// <summary>
/// Body of <c>POST /api/picking-jobs/{orderId}/start</c>: <c>{}</c>. The picker is the signed-in caller; a
/// <c>pickerId</c> is still accepted from older devices, but only the caller's own id (anything else: 403).
/// </summary>
public sealed record StartPickingRequest(string? PickerId = null);

/// <summary>Body of <c>POST /api/picking-jobs/{orderId}/pack</c>: how many parcels the order was packed in.</summary>
public sealed record PackRequest(int ParcelCount);

/// <summary>Body of <c>POST /api/picking-jobs/{orderId}/short-pick</c>: the line that could not be picked in full, and why.</summary>
public sealed record ShortPickRequest(Guid ProductId, int Picked, string Reason);
