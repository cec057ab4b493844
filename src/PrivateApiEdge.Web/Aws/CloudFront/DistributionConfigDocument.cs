using System.Xml.Linq;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.CloudFront;

/// <summary>
/// A distribution's complete configuration as CloudFront sent it. UpdateDistribution replaces the whole config,
/// so an update must send back every element, including those this portal does not model; keeping the XML and
/// changing only what we mean to change is what makes "disable before delete" safe on any distribution.
/// </summary>
public sealed class DistributionConfigDocument
{
    private readonly XElement _xml;

    private DistributionConfigDocument(XElement xml)
    {
        _xml = xml;
        Config = CloudFrontXml.ReadDistributionConfig(xml);
    }

    /// <summary>The members the portal models, read from the document.</summary>
    public DistributionConfig Config { get; }

    public bool Enabled => Config.Enabled;

    public IReadOnlyList<string> Aliases => Config.Aliases;

    public string CallerReference => Config.CallerReference;

    public static DistributionConfigDocument FromConfig(DistributionConfig config) => new(CloudFrontXml.WriteDistributionConfig(config));

    public static DistributionConfigDocument FromXml(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(CloudFrontXml.InNamespace(element, "DistributionConfig"));
    }

    /// <summary>The same document with <c>Enabled</c> changed (teardown disables before it may delete).</summary>
    public DistributionConfigDocument WithEnabled(bool enabled)
    {
        var copy = new XElement(_xml);
        copy.Child("Enabled")!.Value = AwsXml.FormatBool(enabled);
        return new(copy);
    }

    /// <summary>The XML to send, as a fresh copy rooted at <c>&lt;DistributionConfig&gt;</c> in CloudFront's namespace.</summary>
    public XElement ToXml() => new(_xml);
}
