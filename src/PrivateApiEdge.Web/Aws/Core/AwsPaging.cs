using System.Runtime.CompilerServices;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// The one paging loop behind every <c>&lt;Service&gt;Paginators</c> method, like the SDK's paginators: send the
/// request, yield the page's items, ask for the next page with the answer's token until there is none.
/// </summary>
public static class AwsPaging
{
    /// <param name="first">The first page's request, as the caller built it (filters stay on every page).</param>
    /// <param name="send">Sends one page request.</param>
    /// <param name="items">The page's items.</param>
    /// <param name="next">The request for the following page, or null after the last page.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    public static async IAsyncEnumerable<TItem> AllAsync<TRequest, TResponse, TItem>(
        TRequest first,
        Func<TRequest, CancellationToken, Task<TResponse>> send,
        Func<TResponse, IEnumerable<TItem>> items,
        Func<TRequest, TResponse, TRequest?> next,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(next);
        for (TRequest? request = first; request is not null;)
        {
            var page = await send(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page))
            {
                yield return item;
            }

            request = next(request, page);
        }
    }

    /// <summary>The next request when <paramref name="token"/> says there is another page, else null.</summary>
    public static TRequest? NextWhen<TRequest>(string? token, Func<string, TRequest> withToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(withToken);
        return string.IsNullOrEmpty(token) ? null : withToken(token);
    }
}
