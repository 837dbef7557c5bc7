using System.Buffers.Text;
using System.Text;

namespace Fulfilment.Warehouse;

/// <summary>
/// The opaque "next page" token of a job list: the last index row key of the page, base64url-encoded. It is a
/// position, not a snapshot: jobs that enter the status later appear on later pages, jobs that leave it vanish.
/// </summary>
internal static class PickingJobCursor
{
    private const int MaxLength = 512;

    public static string Encode(string rowKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(rowKey));

    /// <summary>The row key in <paramref name="cursor"/>, or null when it is malformed or from a list of another status.</summary>
    public static string? Decode(string cursor, PickingJobStatus status)
    {
        if (cursor.Length > MaxLength || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var rowKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        var prefix = PickingJobEntityMapper.IndexPrefixOf(status);
        return rowKey.StartsWith(prefix, StringComparison.Ordinal) && rowKey.Length > prefix.Length ? rowKey : null;
    }
}
