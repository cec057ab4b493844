namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Builds one API's client for a session; <see cref="AwsClientFactory"/> composes them into <see cref="AwsClients"/>.</summary>
public interface IAwsServiceClientFactory<out TClient>
    where TClient : class
{
    TClient Create(AwsSession session);
}
