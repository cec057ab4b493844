using Bunit;
using PrivateApiEdge.Web.Components.Pages.NewDeployment;
using PrivateApiEdge.Web.Features.DeploymentForm;

namespace PrivateApiEdge.UnitTests.Components;

public sealed class NewDeploymentOptionsTests : PortalComponentTest
{
    /// <summary>Hosts the options the way the page does: every change marks its field touched.</summary>
    private IRenderedComponent<NewDeploymentOptions> RenderOptions(DeploymentFormModel model)
    {
        RenderPopoverProvider();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        return Render<NewDeploymentOptions>(p => p
            .Add(c => c.Model, model)
            .Add(c => c.Touched, touched)
            .Add(c => c.OnChanged, field => touched.Add(field)));
    }

    [Fact]
    public void A_web_acl_of_the_wrong_scope_is_flagged_as_it_is_typed()
    {
        var model = new DeploymentFormModel();
        var cut = RenderOptions(model);
        Assert.DoesNotContain("scope CLOUDFRONT", cut.Markup, StringComparison.Ordinal);

        cut.Find("[data-testid=field-web-acl] input").Input("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/edge/0d3e0000-0000-4000-8000-000000000001");

        Assert.Contains("scope CLOUDFRONT", cut.Find("[data-testid=field-web-acl]").TextContent, StringComparison.Ordinal);
        Assert.Equal("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/edge/0d3e0000-0000-4000-8000-000000000001", model.WebAclArn);
    }

    [Fact]
    public void Fixing_a_field_clears_its_error()
    {
        var model = new DeploymentFormModel();
        var cut = RenderOptions(model);

        cut.Find("[data-testid=field-web-acl] input").Input("not an arn");
        Assert.Contains("WAFv2", cut.Find("[data-testid=field-web-acl]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=field-web-acl] input").Input("");

        Assert.DoesNotContain("WAFv2", cut.Find("[data-testid=field-web-acl]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_tags_is_rejected()
    {
        var model = new DeploymentFormModel();
        var cut = RenderOptions(model);

        cut.Find("[data-testid=field-tags] textarea").Input("team=<script>alert(1)</script>");

        Assert.Contains("Markup", cut.Find("[data-testid=field-tags]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Country_codes_are_checked_once_typed()
    {
        var model = new DeploymentFormModel { GeoRestriction = GeoRestrictionKind.Allow };
        var cut = RenderOptions(model);

        cut.Find("[data-testid=field-countries] input").Input("DE, France");

        Assert.Contains("'France' is not an ISO 3166-1", cut.Find("[data-testid=field-countries]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Untouched_fields_show_no_error_even_when_invalid()
    {
        var model = new DeploymentFormModel { WebAclArn = "bad", Tags = "aws:x=1" };

        var cut = RenderOptions(model);

        Assert.Empty(cut.FindAll(".mud-input-error"));
    }

    [Fact]
    public void Leaving_a_valid_country_list_shows_it_upper_cased_once_per_country()
    {
        var model = new DeploymentFormModel { GeoRestriction = GeoRestrictionKind.Block };
        var cut = RenderOptions(model);
        var input = cut.Find("[data-testid=field-countries] input");

        input.Input("ru, kp ru");
        Assert.Contains("'RU' appears twice", cut.Find("[data-testid=field-countries]").TextContent, StringComparison.Ordinal);
        input.Input("ru, kp");
        input.Blur();

        Assert.Equal("RU, KP", model.GeoRestrictionCountries);
        Assert.Contains("RU, KP (2) get 403 from CloudFront; every other country may call", cut.Find("[data-testid=field-countries]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allow_list_says_that_only_its_countries_may_call()
    {
        var model = new DeploymentFormModel { GeoRestriction = GeoRestrictionKind.Allow };
        var cut = RenderOptions(model);

        cut.Find("[data-testid=field-countries] input").Input("de, at");

        Assert.Contains("Only DE, AT (2) may call; every other country gets 403 from CloudFront", cut.Find("[data-testid=field-countries]").TextContent, StringComparison.Ordinal);
    }
}
