namespace PrivateApiEdge.Web.Hosting;

/// <summary>What this instance does, bound from the <c>Instance</c> section. One image serves every role.</summary>
public sealed class InstanceOptions
{
    public const string SectionName = "Instance";

    public InstanceRole Role { get; set; } = InstanceRole.All;
}

public enum InstanceRole
{
    /// <summary>Serves the UI and runs provisioning jobs (a single-machine portal).</summary>
    All,

    /// <summary>Serves the UI only; jobs run on worker instances sharing the database.</summary>
    Web,

    /// <summary>Runs provisioning jobs only (plus health); no UI.</summary>
    Worker,
}

public static class InstanceRoles
{
    public static InstanceRole Of(IConfiguration configuration) =>
        configuration.GetSection(InstanceOptions.SectionName).Get<InstanceOptions>()?.Role ?? InstanceRole.All;
}
