using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Fulfilment.Messaging;

namespace Fulfilment.Warehouse;

/// <summary>
/// Maps a <see cref="PickingJob"/> to and from its table rows. The job row and its status-index row carry the same
/// properties, so a page of the index is a page of jobs with no further reads. The outbox row of an order
/// (<c>outbox|{orderId}</c>, same partition) holds the message its last transition queued until it is published.
/// </summary>
internal static class PickingJobEntityMapper
{
    public const string Partition = "jobs";
    private const string JobPrefix = "job|";
    private const string IndexPrefix = "status|";
    private const string OutboxPrefix = "outbox|";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string JobRowKey(Guid orderId) => JobPrefix + orderId.ToString("D");

    /// <summary>The first row key of a status's index range; every index row of that status sorts after it.</summary>
    public static string IndexPrefixOf(PickingJobStatus status) => IndexPrefix + PickingJob.Wire(status) + "|";

    /// <summary>status|STATUS|ticks of StatusChangedAt (19 digits, so lexical = chronological)|orderId.</summary>
    public static string IndexRowKey(PickingJob job) =>
        IndexPrefixOf(job.Status) + job.StatusChangedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + job.OrderId.ToString("N");

    public static string OutboxRowKey(Guid orderId) => OutboxPrefix + orderId.ToString("D");

    /// <summary>The row-key range (exclusive bounds) of every outbox row: '~' sorts after every character of a UUID.</summary>
    public static (string After, string Before) OutboxRange => (OutboxPrefix, OutboxPrefix + "~");

    public static TableEntity ToJobEntity(PickingJob job) => ToEntity(job, JobRowKey(job.OrderId));

    public static TableEntity ToOutboxEntity(Guid orderId, OutgoingMessage message) => new(Partition, OutboxRowKey(orderId))
    {
        ["Name"] = message.Name,
        ["Body"] = message.Body,
        ["MessageId"] = message.MessageId,
        ["CorrelationId"] = message.CorrelationId,
    };

    public static OutgoingMessage ToMessage(TableEntity e) =>
        new(e.GetString("Name"), e.GetString("Body"), e.GetString("MessageId"), e.GetString("CorrelationId"));

    public static TableEntity ToIndexEntity(PickingJob job) => ToEntity(job, IndexRowKey(job));

    public static PickingJob ToJob(TableEntity e)
    {
        var shortProduct = e.GetGuid("ShortProductId");
        return new PickingJob(
            e.GetGuid("JobId")!.Value,
            e.GetGuid("OrderId")!.Value,
            JsonSerializer.Deserialize<PickingLine[]>(e.GetString("Lines"), Json) ?? [],
            Enum.Parse<PickingJobStatus>(e.GetString("Status"), ignoreCase: true),
            e.GetDateTimeOffset("CreatedAt")!.Value,
            e.GetDateTimeOffset("StatusChangedAt")!.Value)
        {
            Picker = e.GetString("Picker"),
            StartedAt = e.GetDateTimeOffset("StartedAt"),
            ParcelCount = e.GetInt32("ParcelCount"),
            PackedAt = e.GetDateTimeOffset("PackedAt"),
            CancelReason = e.GetString("CancelReason"),
            CancelledAt = e.GetDateTimeOffset("CancelledAt"),
            ShortPick = shortProduct is { } productId
                ? new ShortPick(productId, e.GetInt32("ShortRequested")!.Value, e.GetInt32("ShortPicked")!.Value,
                    e.GetString("ShortReason"), e.GetDateTimeOffset("ShortReportedAt")!.Value)
                : null,
        };
    }

    private static TableEntity ToEntity(PickingJob job, string rowKey) => new(Partition, rowKey)
    {
        ["JobId"] = job.JobId,
        ["OrderId"] = job.OrderId,
        ["Lines"] = JsonSerializer.Serialize(job.Lines, Json),
        ["Status"] = PickingJob.Wire(job.Status),
        ["CreatedAt"] = job.CreatedAt,
        ["StatusChangedAt"] = job.StatusChangedAt,
        ["Picker"] = job.Picker,
        ["StartedAt"] = job.StartedAt,
        ["ParcelCount"] = job.ParcelCount,
        ["PackedAt"] = job.PackedAt,
        ["CancelReason"] = job.CancelReason,
        ["CancelledAt"] = job.CancelledAt,
        ["ShortProductId"] = job.ShortPick?.ProductId,
        ["ShortRequested"] = job.ShortPick?.Requested,
        ["ShortPicked"] = job.ShortPick?.Picked,
        ["ShortReason"] = job.ShortPick?.Reason,
        ["ShortReportedAt"] = job.ShortPick?.ReportedAt,
    };
}
