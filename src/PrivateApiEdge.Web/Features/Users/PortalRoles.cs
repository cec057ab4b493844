namespace PrivateApiEdge.Web.Features.Users;

/// <summary>The two roles of the portal.</summary>
public static class PortalRoles
{
    /// <summary>Everything: all deployments, the Hangfire dashboard, the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Creates, sees and tears down their own deployments.</summary>
    public const string Requester = "requester";
}
