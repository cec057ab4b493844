namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>One request to put a private API behind a CloudFront domain, and everything it created.</summary>
public sealed class Deployment
{
    private Deployment()
    {
    }

    public Deployment(Guid id, string name, string domainName, string region, string owner, DateTimeOffset now)
    {
        Id = id;
        Name = name;
        DomainName = domainName;
        Region = region;
        Owner = owner;
        CreatedAt = now;
        UpdatedAt = now;
        Status = DeploymentStatus.Pending;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string DomainName { get; private set; } = "";

    public string Region { get; private set; } = "";

    public string Owner { get; private set; } = "";

    public DeploymentStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}

public enum DeploymentStatus
{
    Pending,
    Provisioning,
    Succeeded,
    Failed,
    TearingDown,
    TornDown,
}
