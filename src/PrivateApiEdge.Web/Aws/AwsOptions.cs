using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Aws;

/// <summary>How the portal reaches AWS. Bound from the <c>Aws</c> section.</summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";

    /// <summary>
    /// <c>Auto</c> (default): talk to real AWS when a credential source or endpoint override is configured,
    /// otherwise start the sandbox. <c>Sandbox</c> or <c>Aws</c> force one or the other.
    /// </summary>
    public AwsMode Mode { get; set; } = AwsMode.Auto;

    /// <summary>Default region for regional services (the form can choose another per deployment).</summary>
    [Required]
    [RegularExpression("^[a-z]{2}(-gov)?-[a-z]+-\\d$", ErrorMessage = "Aws:Region must look like eu-west-1.")]
    public string Region { get; set; } = "eu-west-1";
}

public enum AwsMode
{
    Auto,
    Sandbox,
    Aws,
}
