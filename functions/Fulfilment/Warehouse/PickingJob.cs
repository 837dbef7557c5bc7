using Fulfilment.Contracts;
using Fulfilment.Messaging;

namespace Fulfilment.Warehouse;

/// <summary>
/// A picking job: the order's reserved items as lines for the picking floor. It owns its transitions; each one
/// returns an outcome holding the new job (to be written under the ETag it was read with) or a refusal that
/// leaves it as it was. <see cref="StatusChangedAt"/> is when the job entered its current status.
/// </summary>
public sealed record PickingJob(
    Guid JobId,
    Guid OrderId,
    IReadOnlyList<PickingLine> Lines,
    PickingJobStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt)
{
    public const int MaxLines = 200;
    public const int MaxParcelCount = 999;
    public const int MaxTextLength = 200;

    public string? Picker { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public int? ParcelCount { get; init; }
    public DateTimeOffset? PackedAt { get; init; }
    public ShortPick? ShortPick { get; init; }
    public string? CancelReason { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>The job id of an order: deterministic, so a re-created job and every message name the same id.</summary>
    public static Guid JobIdFor(Guid orderId) => MessageIds.DeterministicGuid("picking-job:" + orderId.ToString("D"));

    /// <summary>A new CREATED job; lines of the same product are merged (quantities added).</summary>
    public static PickingJobOutcome Create(Guid orderId, IReadOnlyList<LineItem>? items, DateTimeOffset now)
    {
        if (orderId == Guid.Empty)
        {
            return PickingJobOutcome.Invalid("orderId is empty");
        }

        if (items is null || items.Count == 0)
        {
            return PickingJobOutcome.Invalid("a picking job needs at least one item");
        }

        if (items.Any(i => i is null || i.ProductId == Guid.Empty || i.Quantity < 1))
        {
            return PickingJobOutcome.Invalid("every item needs a productId and a quantity of at least 1");
        }

        var totals = items.GroupBy(i => i.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(i => (long)i.Quantity))).ToArray();
        if (totals.Length > MaxLines)
        {
            return PickingJobOutcome.Invalid($"a picking job holds at most {MaxLines} products; got {totals.Length}");
        }

        if (totals.Any(t => t.Quantity > int.MaxValue))
        {
            return PickingJobOutcome.Invalid("the merged quantity of a product exceeds 2147483647");
        }

        var lines = totals.Select(t => new PickingLine(t.ProductId, (int)t.Quantity, Picked: 0)).ToArray();

        var job = new PickingJob(JobIdFor(orderId), orderId, lines, PickingJobStatus.Created, now, now);
        return PickingJobOutcome.Applied(PickingOutcomeKind.Created, job);
    }

    /// <summary>
    /// CREATED → PICKING for <paramref name="caller"/>, who becomes the job's picker; the same caller again is a
    /// repeat, another a conflict.
    /// </summary>
    public PickingJobOutcome Start(FloorCaller caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (TextProblem(caller.Id, "pickerId") is { } problem)
        {
            return PickingJobOutcome.Invalid(problem, this);
        }

        var who = caller.Id.Trim();
        return Status switch
        {
            PickingJobStatus.Created => PickingJobOutcome.Applied(PickingOutcomeKind.Started,
                this with { Status = PickingJobStatus.Picking, Picker = who, StartedAt = now, StatusChangedAt = now }),
            PickingJobStatus.Picking when who == Picker =>
                PickingJobOutcome.Repeated(PickingOutcomeKind.Started, this, "already started by this picker"),
            PickingJobStatus.Picking => PickingJobOutcome.Conflict(this, $"the job is already being picked by {Picker}"),
            _ => PickingJobOutcome.Illegal(this, $"a {Wire(Status)} job cannot be started"),
        };
    }

    /// <summary>
    /// PICKING → PACKED with every line picked in full; packing again with the same count is a repeat. Only the job's
    /// picker or a supervisor may pack a started job (anyone else: Forbidden, before anything else is judged).
    /// </summary>
    public PickingJobOutcome Pack(FloorCaller caller, int parcelCount, DateTimeOffset now)
    {
        if (Refuse(caller, "pack it") is { } refused)
        {
            return refused;
        }

        if (parcelCount is < 1 or > MaxParcelCount)
        {
            return PickingJobOutcome.Invalid($"parcelCount must be between 1 and {MaxParcelCount}; got {parcelCount}", this);
        }

        return Status switch
        {
            PickingJobStatus.Picking => PickingJobOutcome.Applied(PickingOutcomeKind.Packed, this with
            {
                Status = PickingJobStatus.Packed,
                ParcelCount = parcelCount,
                PackedAt = now,
                StatusChangedAt = now,
                Lines = Lines.Select(l => l with { Picked = l.Quantity }).ToArray(),
            }),
            PickingJobStatus.Packed when parcelCount == ParcelCount =>
                PickingJobOutcome.Repeated(PickingOutcomeKind.Packed, this, "already packed"),
            PickingJobStatus.Packed => PickingJobOutcome.Conflict(this, $"the job is already packed in {ParcelCount} parcel(s)"),
            PickingJobStatus.Created => PickingJobOutcome.Illegal(this, "the job has not been started: start it before packing"),
            _ => PickingJobOutcome.Illegal(this, $"a {Wire(Status)} job cannot be packed"),
        };
    }

    /// <summary>
    /// PICKING → SHORT: the line of <paramref name="productId"/> could only be picked <paramref name="picked"/> times.
    /// Only the job's picker or a supervisor may report it (anyone else: Forbidden, before anything else is judged).
    /// </summary>
    public PickingJobOutcome ReportShort(FloorCaller caller, Guid productId, int picked, string? reason, DateTimeOffset now)
    {
        if (Refuse(caller, "report a short pick on it") is { } refused)
        {
            return refused;
        }

        if (TextProblem(reason, "reason") is { } problem)
        {
            return PickingJobOutcome.Invalid(problem, this);
        }

        if (Lines.FirstOrDefault(l => l.ProductId == productId) is not { } line)
        {
            return PickingJobOutcome.Invalid($"product {productId:D} is not on this picking job", this);
        }

        if (picked < 0 || picked >= line.Quantity)
        {
            return PickingJobOutcome.Invalid($"picked must be between 0 and {line.Quantity - 1} for a short pick of product {productId:D}; got {picked}", this);
        }

        return Status switch
        {
            PickingJobStatus.Picking => PickingJobOutcome.Applied(PickingOutcomeKind.ShortPicked, this with
            {
                Status = PickingJobStatus.Short,
                StatusChangedAt = now,
                ShortPick = new ShortPick(productId, line.Quantity, picked, reason!.Trim(), now),
                Lines = Lines.Select(l => l.ProductId == productId ? l with { Picked = picked } : l).ToArray(),
            }),
            PickingJobStatus.Short when ShortPick is { } s && s.ProductId == productId && s.Picked == picked =>
                PickingJobOutcome.Repeated(PickingOutcomeKind.ShortPicked, this, "this short pick was already reported"),
            PickingJobStatus.Short => PickingJobOutcome.Conflict(this, $"a short pick of product {ShortPick?.ProductId:D} was already reported"),
            PickingJobStatus.Created => PickingJobOutcome.Illegal(this, "the job has not been started: start it before reporting a short pick"),
            _ => PickingJobOutcome.Illegal(this, $"a short pick cannot be reported on a {Wire(Status)} job"),
        };
    }

    /// <summary>CREATED, PICKING or SHORT → CANCELLED (compensation). Cancelling again is a repeat; a PACKED job is refused.</summary>
    public PickingJobOutcome Cancel(string? reason, DateTimeOffset now)
    {
        if (TextProblem(reason, "reason") is { } problem)
        {
            return PickingJobOutcome.Invalid(problem, this);
        }

        return Status switch
        {
            PickingJobStatus.Created or PickingJobStatus.Picking or PickingJobStatus.Short => PickingJobOutcome.Applied(
                PickingOutcomeKind.Cancelled,
                this with { Status = PickingJobStatus.Cancelled, CancelReason = reason!.Trim(), CancelledAt = now, StatusChangedAt = now }),
            PickingJobStatus.Cancelled => PickingJobOutcome.Repeated(PickingOutcomeKind.Cancelled, this, "already cancelled"),
            _ => PickingJobOutcome.Illegal(this, "the job is PACKED: the parcel has left the picking floor and cannot be cancelled here"),
        };
    }

    /// <summary>
    /// What the picking floor announces for the job as it stands: order-packed for a PACKED job, order-short-picked for
    /// a SHORT one (MessageId deterministic per order, body from the stored job: identical on every call); null
    /// otherwise. Written to the outbox in the transaction that makes the job PACKED or SHORT.
    /// </summary>
    public OutgoingMessage? Announcement() => this switch
    {
        { Status: PickingJobStatus.Packed, PackedAt: { } packedAt } => OutgoingMessage.Create(
            MessageNames.OrderPacked, new OrderPacked(OrderId, packedAt, JobId, ParcelCount), OrderId.ToString("D"), OrderId),
        { Status: PickingJobStatus.Short, ShortPick: { } s } => OutgoingMessage.Create(
            MessageNames.OrderShortPicked, new OrderShortPicked(OrderId, JobId, s.ProductId, s.Requested, s.Picked, s.Reason, s.ReportedAt),
            OrderId.ToString("D"), OrderId),
        _ => null,
    };

    /// <summary>The status as stored and reported: CREATED, PICKING, PACKED, CANCELLED, SHORT.</summary>
    public static string Wire(PickingJobStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>Invalid for a blank caller id; Forbidden when the job has a picker and the caller is neither it nor a supervisor.</summary>
    private PickingJobOutcome? Refuse(FloorCaller caller, string operation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (TextProblem(caller.Id, "the caller's id") is { } problem)
        {
            return PickingJobOutcome.Invalid(problem, this);
        }

        return Picker is not null && !caller.MayWork(Picker)
            ? PickingJobOutcome.Forbidden($"the job was started by another picker: only its picker or a supervisor may {operation}")
            : null;
    }

    private static string? TextProblem(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? $"{name} is required"
        : text.Trim().Length > MaxTextLength ? $"{name} is longer than {MaxTextLength} characters"
        : null;
}
