using System.Net;
using System.Text.RegularExpressions;

namespace PrivateApiEdge.IntegrationTests.Auth;

/// <summary>
/// Posts the portal's static server-rendered forms the way a browser does: load the page, take its antiforgery
/// token and form handler name, post the fields. The client keeps cookies between calls.
/// </summary>
public static partial class PortalForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{path} has no antiforgery token");

        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
    }

    /// <summary>Signs in on /account/login; returns the response (a redirect on success).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, CancellationToken cancellationToken, string? returnUrl = null) =>
        SubmitAsync(client, returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "sign-in",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password }, cancellationToken);

    /// <summary>Creates the first admin on /account/setup with the host's bootstrap token.</summary>
    public static Task<HttpResponseMessage> SetUpAdminAsync(HttpClient client, string token, string userName, string password, CancellationToken cancellationToken) =>
        SubmitAsync(client, "/account/setup", "setup", new Dictionary<string, string>
        {
            ["Input.Token"] = token,
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = userName,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        }, cancellationToken);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
