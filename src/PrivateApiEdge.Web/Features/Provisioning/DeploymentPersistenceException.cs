namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// The engine could not persist (database error, lease lost). The run stops as if the process had died: nothing
/// more is written, and the next advance resumes from what was persisted.
/// </summary>
public sealed class DeploymentPersistenceException : Exception
{
    public DeploymentPersistenceException()
    {
    }

    public DeploymentPersistenceException(string message)
        : base(message)
    {
    }

    public DeploymentPersistenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
