using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.State;
using static PrivateApiEdge.Sandbox.Core.Protocols.Ec2Protocol;
using static PrivateApiEdge.Sandbox.Services.Ec2.Ec2Query;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

public sealed partial class Ec2Service
{
    /// <summary>The AWS account that owns interface-endpoint network interfaces (their requesterId).</summary>
    public const string VpcEndpointRequesterId = "727180483921";

    private SandboxResponse CreateVpcEndpoint(SandboxRequest request)
    {
        var form = request.Form;
        var vpcId = form.Required("VpcId");
        var serviceName = form.Required("ServiceName");
        var type = form["VpcEndpointType"] ?? "Gateway";
        var subnetIds = form.List("SubnetId");
        var groupIds = form.List("SecurityGroupId");
        var clientToken = form["ClientToken"];
        var tags = TagsFor(request, "vpc-endpoint");

        var endpoint = _world.Write(world =>
        {
            var ec2 = world.Part<Ec2State>();
            var now = world.Now;
            ec2.PurgeDeleted(now);

            if (clientToken is not null && ec2.VpcEndpoints.FirstOrDefault(e => e.Region == request.Region && e.ClientToken == clientToken) is { } previous)
            {
                if (previous.VpcId != vpcId || previous.ServiceName != serviceName)
                {
                    throw new SandboxServiceException("IdempotentParameterMismatch",
                        $"The client token {clientToken} has already been used with different parameters.");
                }

                return previous;
            }

            var vpc = VisibleVpc(ec2, request, vpcId);
            var servicePrefix = $"com.amazonaws.{request.Region}.";
            if (!serviceName.StartsWith(servicePrefix, StringComparison.Ordinal) || serviceName.Length == servicePrefix.Length)
            {
                throw new SandboxServiceException("InvalidServiceName", $"The Vpc Endpoint Service '{serviceName}' does not exist");
            }

            if (type != "Interface")
            {
                throw new SandboxServiceException("InvalidParameter",
                    $"The VPC endpoint service {serviceName} does not support the VPC endpoint type {type}.");
            }

            if (subnetIds.Count == 0)
            {
                throw new SandboxServiceException("InvalidParameter", "Subnet ids must be specified for an Interface endpoint.");
            }

            var subnets = subnetIds.Select(id => ec2.FindSubnet(request.Region, id) is { } subnet && subnet.IsVisible(now) ? subnet : throw NotFound(id)).ToList();
            var foreign = subnets.FirstOrDefault(s => s.VpcId != vpcId);
            if (foreign is not null)
            {
                throw new SandboxServiceException("InvalidParameter", $"The subnet ID '{foreign.Id}' does not belong to the VPC '{vpcId}'.");
            }

            var sameZone = subnets.GroupBy(s => s.AvailabilityZone).FirstOrDefault(g => g.Count() > 1);
            if (sameZone is not null)
            {
                throw new SandboxServiceException("DuplicateSubnetsInSameZone",
                    $"Found another VPC endpoint subnet in the availability zone of {sameZone.Last().Id}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");
            }

            if (groupIds.Count == 0)
            {
                groupIds = ec2.SecurityGroups.Where(g => g.Region == request.Region && g.VpcId == vpcId && g.GroupName == "default").Select(g => g.Id).ToList();
            }

            foreach (var groupId in groupIds)
            {
                var group = ec2.FindSecurityGroup(request.Region, groupId);
                if (group is null || !group.IsVisible(now))
                {
                    throw NotFound(groupId);
                }

                if (group.VpcId != vpcId)
                {
                    throw new SandboxServiceException("InvalidParameter", $"The security group '{groupId}' does not belong to the VPC '{vpcId}'.");
                }
            }

            var privateDns = form.Bool("PrivateDnsEnabled") ?? true;
            if (privateDns)
            {
                if (!vpc.EnableDnsSupport || !vpc.EnableDnsHostnames)
                {
                    throw new SandboxServiceException("InvalidParameter",
                        $"Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for {vpcId}");
                }

                if (ec2.LiveVpcEndpoints(now).Any(e => e.Region == request.Region && e.VpcId == vpcId && e.ServiceName == serviceName && e.PrivateDnsEnabled))
                {
                    var domain = serviceName[("com.amazonaws.".Length + request.Region.Length + 1)..] + "." + request.Region + ".amazonaws.com";
                    throw new SandboxServiceException("InvalidParameter",
                        $"private-dns-enabled cannot be set because there is already a conflicting DNS domain for {domain} in the VPC {vpcId}");
                }
            }

            var id = SandboxWorld.NewId("vpce");
            var created = new Ec2VpcEndpoint
            {
                Id = id,
                Arn = $"arn:aws:ec2:{request.Region}:{request.AccountId}:vpc-endpoint/{id}",
                VpcId = vpcId,
                ServiceName = serviceName,
                VpcEndpointType = type,
                SubnetIds = [.. subnetIds],
                GroupIds = [.. groupIds],
                PrivateDnsEnabled = privateDns,
                ClientToken = clientToken,
                PolicyDocument = form["PolicyDocument"] ?? DefaultEndpointPolicy,
                DnsSuffix = SandboxWorld.NewHex(8),
                Tags = tags,
            };
            world.Stamp(created, request);
            created.ReadyAt = now + world.Latency.Of(SandboxLifecycles.VpcEndpointCreate);
            foreach (var subnet in subnets)
            {
                var eni = ec2.AllocateNetworkInterface(request.Region, request.AccountId, subnet.Id, groupIds,
                    $"VPC Endpoint Interface {id}", "vpc_endpoint", VpcEndpointRequesterId, id, now);
                eni.VisibleAt = created.VisibleAt;
                created.NetworkInterfaceIds.Add(eni.Id);
            }

            ec2.VpcEndpoints.Add(created);
            return created;
        });

        return _world.Read(world =>
        {
            var ec2 = world.Part<Ec2State>();
            return Ok(request,
                E("vpcEndpoint", Ec2Shapes.VpcEndpoint(endpoint, world.Now, g => ec2.FindSecurityGroup(request.Region, g)).ToArray()),
                clientToken is null ? null : E("clientToken", clientToken));
        });
    }

    private SandboxResponse DescribeVpcEndpoints(SandboxRequest request) => _world.Read(world =>
    {
        var ec2 = world.Part<Ec2State>();
        var now = world.Now;
        var endpoints = Select(Visible(ec2.LiveVpcEndpoints(now), request), request.Form.List("VpcEndpointId"), Filters(request.Form), (e, name) => name switch
        {
            "vpc-endpoint-id" => One(e.Id),
            "vpc-id" => One(e.VpcId),
            "service-name" => One(e.ServiceName),
            "vpc-endpoint-state" => One(e.State(now)),
            "vpc-endpoint-type" => One(e.VpcEndpointType),
            "ip-address-type" => One("ipv4"),
            _ => null,
        });
        var (page, next) = Page(endpoints, request.Form, min: 1, max: int.MaxValue, truncateAbove: 1000);
        return Ok(request,
            Set("vpcEndpointSet", page, e => Ec2Shapes.VpcEndpoint(e, now, g => ec2.FindSecurityGroup(request.Region, g))),
            NextTokenElement(next));
    });

    private SandboxResponse DeleteVpcEndpoints(SandboxRequest request)
    {
        var ids = request.Form.List("VpcEndpointId");
        if (ids.Count == 0)
        {
            throw new SandboxServiceException("MissingParameter", "The request must contain the parameter VpcEndpointId");
        }

        var unsuccessful = _world.Write(world =>
        {
            var ec2 = world.Part<Ec2State>();
            var now = world.Now;
            var failures = new List<string>();
            foreach (var id in ids)
            {
                var endpoint = ec2.LiveVpcEndpoints(now).FirstOrDefault(e => e.Region == request.Region && e.Id == id && e.IsVisible(now));
                if (endpoint is null)
                {
                    failures.Add(id);
                    continue;
                }

                if (endpoint.DeletedAt is null)
                {
                    endpoint.DeletingSince = now;
                    endpoint.DeletedAt = now + world.Latency.Of(SandboxLifecycles.VpcEndpointDelete);
                    ec2.ReleaseNetworkInterfacesOf(endpoint.Id);
                    endpoint.NetworkInterfaceIds.Clear();
                }
            }

            ec2.PurgeDeleted(now);
            return failures;
        });

        return Ok(request, Set("unsuccessful", unsuccessful, id =>
        [
            E("error", E("code", "InvalidVpcEndpoint.NotFound"), E("message", $"The VpcEndpoint Id '{id}' does not exist")),
            E("resourceId", id),
        ]));
    }

    private const string DefaultEndpointPolicy =
        "{\n  \"Version\": \"2008-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}";
}
