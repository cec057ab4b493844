using System.Globalization;
using System.Text;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Builds an awsQuery (ELBv2, STS) or EC2 form body: <c>Action</c>, <c>Version</c> and flattened members
/// (<c>Subnets.member.1</c>, <c>Tags.member.1.Key</c>; EC2 uses <c>SubnetId.1</c>).
/// </summary>
public sealed class AwsQuery
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public AwsQuery(string action, string version)
    {
        Add("Action", action);
        Add("Version", version);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public AwsQuery Add(string name, string? value)
    {
        if (value is not null)
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    public AwsQuery Add(string name, bool? value) => value is null ? this : Add(name, value.Value ? "true" : "false");

    public AwsQuery Add(string name, long? value) => value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A list as <c>name.member.1</c>, <c>name.member.2</c> (awsQuery, non-flattened lists).</summary>
    public AwsQuery AddList(string name, IEnumerable<string>? values, string memberSegment = "member")
    {
        if (values is null)
        {
            return this;
        }

        var index = 1;
        foreach (var value in values)
        {
            Add(memberSegment.Length == 0 ? $"{name}.{index}" : $"{name}.{memberSegment}.{index}", value);
            index++;
        }

        return this;
    }

    /// <summary>A list of structures: <paramref name="write"/> gets the prefix (<c>Tags.member.1</c>) for each item.</summary>
    public AwsQuery AddStructureList<T>(string name, IEnumerable<T>? items, Action<AwsQuery, string, T> write, string memberSegment = "member")
    {
        ArgumentNullException.ThrowIfNull(write);
        if (items is null)
        {
            return this;
        }

        var index = 1;
        foreach (var item in items)
        {
            write(this, memberSegment.Length == 0 ? $"{name}.{index}" : $"{name}.{memberSegment}.{index}", item);
            index++;
        }

        return this;
    }

    public string ToFormString()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Encode(name)).Append('=').Append(Encode(value));
        }

        return builder.ToString();
    }

    public HttpRequestMessage ToRequest()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ToFormString()));
        content.Headers.ContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, string.Empty) { Content = content };
    }

    /// <summary>RFC 3986 percent-encoding, which is what SigV4 canonicalizes to (no '+' for spaces).</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);
}
