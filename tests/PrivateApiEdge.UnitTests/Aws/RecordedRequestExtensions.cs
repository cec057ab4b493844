using PrivateApiEdge.UnitTests.AwsModels;

namespace PrivateApiEdge.UnitTests.Aws;

internal static class RecordedRequestExtensions
{
    /// <summary>The form fields of a Query/EC2 request body, decoded (later duplicates would throw, which is a bug too).</summary>
    public static IReadOnlyDictionary<string, string> Form(this RecordedRequest request) =>
        (request.Body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                p => Uri.UnescapeDataString(p[0].Replace('+', ' ')),
                p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "",
                StringComparer.Ordinal);

    public static string Authorization(this RecordedRequest request) => string.Join(",", request.Message.Headers.GetValues("Authorization"));
}
