using System.Text.Json.Serialization;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateRestApiRequest))]
[JsonSerializable(typeof(UpdateRestApiRequest))]
[JsonSerializable(typeof(PutMethodRequest))]
[JsonSerializable(typeof(PutMethodResponseRequest))]
[JsonSerializable(typeof(PutIntegrationRequest))]
[JsonSerializable(typeof(PutIntegrationResponseRequest))]
[JsonSerializable(typeof(CreateDeploymentRequest))]
[JsonSerializable(typeof(CreateDomainNameRequest))]
[JsonSerializable(typeof(CreateBasePathMappingRequest))]
[JsonSerializable(typeof(TagResourceRequest))]
[JsonSerializable(typeof(RestApi))]
[JsonSerializable(typeof(GetRestApisResponse))]
[JsonSerializable(typeof(GetResourcesResponse))]
[JsonSerializable(typeof(Method))]
[JsonSerializable(typeof(MethodResponse))]
[JsonSerializable(typeof(Integration))]
[JsonSerializable(typeof(IntegrationResponse))]
[JsonSerializable(typeof(RestApiDeployment))]
[JsonSerializable(typeof(Stage))]
[JsonSerializable(typeof(GetStagesResponse))]
[JsonSerializable(typeof(CustomDomainName))]
[JsonSerializable(typeof(BasePathMapping))]
[JsonSerializable(typeof(GetBasePathMappingsResponse))]
[JsonSerializable(typeof(GetTagsResponse))]
internal sealed partial class ApiGatewayJsonContext : JsonSerializerContext;

