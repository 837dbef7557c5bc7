namespace Fulfilment.Warehouse;

/// <summary>
/// Where a picking job is. CREATED → PICKING → PACKED is the happy path; CREATED, PICKING or SHORT → CANCELLED is
/// compensation; PICKING → SHORT is a short pick. PACKED and CANCELLED are terminal. Stored and reported in upper
/// case (<c>CREATED</c>, <c>PICKING</c>, …).
/// </summary>
public enum PickingJobStatus
{
    Created,
    Picking,
    Packed,
    Cancelled,
    Short,
}
