using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.UnitTests.Sandbox;

public sealed class RestRouteTableTests
{
    private static readonly SandboxOperation Get = SandboxOperation.Sync("GetHostedZone", _ => SandboxResponse.Empty(System.Net.HttpStatusCode.OK));
    private static readonly SandboxOperation List = SandboxOperation.Sync("ListResourceRecordSets", _ => SandboxResponse.Empty(System.Net.HttpStatusCode.OK));
    private static readonly SandboxOperation Change = SandboxOperation.Sync("ChangeResourceRecordSets", _ => SandboxResponse.Empty(System.Net.HttpStatusCode.OK));
    private static readonly SandboxOperation Tags = SandboxOperation.Sync("TagResource", _ => SandboxResponse.Empty(System.Net.HttpStatusCode.OK));
    private static readonly SandboxOperation Untag = SandboxOperation.Sync("UntagResource", _ => SandboxResponse.Empty(System.Net.HttpStatusCode.OK));

    private readonly RestRouteTable _routes = new RestRouteTable()
        .Add("GET", "/2013-04-01/hostedzone/{Id}", Get)
        .Add("GET", "/2013-04-01/hostedzone/{Id}/rrset", List)
        .Add("POST", "/2013-04-01/hostedzone/{Id}/rrset/", Change)
        .Add("POST", "/tags/{resource_arn+}?Operation=Tag", Tags);

    [Fact]
    public void Labels_are_captured_and_percent_decoded_so_a_prefixed_zone_id_stays_one_label()
    {
        var request = Request("GET", "/2013-04-01/hostedzone/%2Fhostedzone%2FZ123");

        Assert.Same(Get, _routes.Match(request));
        Assert.Equal("/hostedzone/Z123", request.PathParameters["Id"]);
    }

    [Fact]
    public void Method_segment_count_and_a_trailing_slash_pick_the_operation()
    {
        Assert.Same(List, _routes.Match(Request("GET", "/2013-04-01/hostedzone/Z1/rrset")));
        Assert.Same(Change, _routes.Match(Request("POST", "/2013-04-01/hostedzone/Z1/rrset")));
        Assert.Null(_routes.Match(Request("DELETE", "/2013-04-01/hostedzone/Z1")));
        Assert.Null(_routes.Match(Request("GET", "/2013-04-01/hostedzone/Z1/rrset/extra")));
    }

    [Fact]
    public void A_greedy_label_takes_the_rest_of_the_path_and_literal_query_keys_are_required()
    {
        var request = Request("POST", "/tags/arn:aws:acm:eu-west-1:1:certificate/abc", "?Operation=Tag");

        Assert.Same(Tags, _routes.Match(request));
        Assert.Equal("arn:aws:acm:eu-west-1:1:certificate/abc", request.PathParameters["resource_arn"]);
        Assert.Null(_routes.Match(Request("POST", "/tags/arn:aws:x")));
    }

    [Fact]
    public void A_query_literal_with_a_value_matches_only_that_value_and_the_plain_route_takes_the_rest()
    {
        // CloudFront's TagResource and UntagResource share POST /tagging and differ in ?Operation=Tag|Untag.
        var routes = new RestRouteTable()
            .Add("POST", "/2020-05-31/tagging", Tags)
            .Add("POST", "/2020-05-31/tagging?Operation=Untag", Untag);

        Assert.Same(Untag, routes.Match(Request("POST", "/2020-05-31/tagging", "?Operation=Untag&Resource=arn")));
        Assert.Same(Tags, routes.Match(Request("POST", "/2020-05-31/tagging", "?Operation=Tag&Resource=arn")));
        Assert.Same(Tags, routes.Match(Request("POST", "/2020-05-31/tagging", "?Operation=untag")));
        Assert.Same(Tags, routes.Match(Request("POST", "/2020-05-31/tagging")));
    }

    private static SandboxRequest Request(string method, string path, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = PathString.FromUriComponent(path);
        context.Request.QueryString = new QueryString(query);
        var options = Options.Create(new SandboxOptions { LatencyProfile = "instant" });
        var world = new SandboxWorld(options, new SandboxLatency(options), []);
        return new SandboxRequest(context, new SigV4CredentialScope("AKID", "20250101", "us-east-1", "route53"), [], world, new FaultInjector(options));
    }
}
