namespace Fulfilment.Workflow;

/// <summary>How compensation gives a reservation's stock back (ReleaseReservationStep's input).</summary>
public enum ReleaseMode
{
    /// <summary>The units go back on sale (cancellation, timeouts before dispatch, a returned parcel).</summary>
    Restock,

    /// <summary>The units are gone (LOST, DAMAGED, a delivery that never ended): written off, not sold again.</summary>
    WriteOff,

    /// <summary>The shelf was wrong: the missing units are written off, the rest go back, the product is flagged for a count.</summary>
    ShortPick,
}
