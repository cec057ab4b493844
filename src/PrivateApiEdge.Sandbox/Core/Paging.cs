namespace PrivateApiEdge.Sandbox.Core;

/// <summary>
/// The slicing every service's pagination shares. The services differ only in how they spell the position
/// (EC2's base64 offset, ELB's offset marker, CloudFront's last id, API Gateway's next id) and in their limits,
/// so each keeps its own parameter parsing and errors and asks this for the page.
/// </summary>
public static class Paging
{
    /// <summary>At most <paramref name="size"/> items from <paramref name="start"/>, and the index of the first
    /// item left over (null when the page reaches the end).</summary>
    public static (List<T> Page, int? Next) Slice<T>(IReadOnlyList<T> items, int start, int size)
    {
        ArgumentNullException.ThrowIfNull(items);
        var page = items.Skip(start).Take(size).ToList();
        return (page, start + page.Count < items.Count ? start + page.Count : null);
    }
}
