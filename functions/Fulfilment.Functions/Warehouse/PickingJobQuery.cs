using System.Globalization;
using Fulfilment.Contracts.Validation;
using Fulfilment.Warehouse;
using Microsoft.AspNetCore.Http;

namespace Fulfilment.Functions.Warehouse;

/// <summary>
/// The query of <c>GET /api/picking-jobs?status=CREATED&amp;pageSize=20&amp;cursor=…</c>: a status (required, one of
/// CREATED, PICKING, PACKED, CANCELLED, SHORT, any case), an optional page size and the cursor of the previous page.
/// Syntax only: ranges and cursors are the handler's to judge.
/// </summary>
public sealed record PickingJobQuery(PickingJobStatus Status, int? PageSize, string? Cursor)
{
    public static (PickingJobQuery? Query, IReadOnlyList<Violation> Violations) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var violations = new List<Violation>();
        var statusText = Single(query, "status", violations);
        var status = Enum.GetValues<PickingJobStatus>().Cast<PickingJobStatus?>()
            .FirstOrDefault(s => PickingJob.Wire(s!.Value).Equals(statusText, StringComparison.OrdinalIgnoreCase));
        if (status is null && !violations.Any(v => v.Path == "status"))
        {
            var names = string.Join(", ", Enum.GetValues<PickingJobStatus>().Select(PickingJob.Wire));
            violations.Add(new Violation("status", statusText is null ? $"is required: one of {names}" : $"must be one of {names}"));
        }

        int? pageSize = null;
        if (Single(query, "pageSize", violations) is { } sizeText)
        {
            if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                pageSize = size;
            }
            else
            {
                violations.Add(new Violation("pageSize", "must be a whole number"));
            }
        }

        var cursor = Single(query, "cursor", violations);
        return violations.Count == 0 ? (new PickingJobQuery(status!.Value, pageSize, cursor), violations) : (null, violations);
    }

    /// <summary>The parameter's one value; null when absent, or (with a violation) when given more than once.</summary>
    private static string? Single(IQueryCollection query, string name, List<Violation> violations)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            violations.Add(new Violation(name, "must be given once"));
            return null;
        }

        return values[0];
    }
}
