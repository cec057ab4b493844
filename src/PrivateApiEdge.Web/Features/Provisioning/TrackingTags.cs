namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>Tags on every resource we create: they let a resumed step (and teardown) find what an earlier run made.</summary>
public static class TrackingTags
{
    public const string Deployment = "privateapiedge:deployment";
    public const string Step = "privateapiedge:step";
    public const string Resource = "privateapiedge:resource";
}
