using System.Text.Json;
using Microsoft.Playwright;

namespace PrivateApiEdge.IntegrationTests.EndToEnd.Accessibility;

/// <summary>
/// axe-core, the rules engine behind most accessibility audits, injected into a page. The script is the pinned npm
/// release copied in by scripts/update-axe.sh, so the tests need neither npm nor the network.
/// </summary>
public static class Axe
{
    /// <summary>WCAG 2.0 and 2.1 at levels A and AA, plus axe's best practices (landmarks, heading order, empty headers).</summary>
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Accessibility", "axe", "axe.min.js")));

    /// <summary>Runs every rule of <see cref="Tags"/> on the page as it is now and fails with each violating node.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Source.Value });
        }

        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => `${n.target.join(' ')} :: ${n.failureSummary.replace(/\s+/g, ' ')}`),
                })));
            }
            """, Tags);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, JsonSerializerOptions.Web)!;
        if (violations.Count > 0)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, $"axe-{state}.png"), FullPage = true });
            Assert.Fail($"axe found {violations.Count} violation(s) on {state} ({page.Url}):{Environment.NewLine}" + string.Join(Environment.NewLine,
                violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}    " + string.Join($"{Environment.NewLine}    ", v.Nodes.Take(8)) +
                    (v.Nodes.Count > 8 ? $"{Environment.NewLine}    … {v.Nodes.Count - 8} more" : ""))));
        }
    }

    private sealed record Violation(string Id, string? Impact, string Help, List<string> Nodes);
}
