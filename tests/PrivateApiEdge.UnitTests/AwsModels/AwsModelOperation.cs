using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PrivateApiEdge.UnitTests.AwsModels;

/// <summary>One operation of an <see cref="AwsModel"/>, with the wire checks described at the top of AwsModel.cs.</summary>
public sealed partial class AwsModelOperation
{
    private readonly JsonElement _operation;

    internal AwsModelOperation(AwsModel model, string name, JsonElement operation)
    {
        Model = model;
        Name = name;
        _operation = operation;
    }

    public AwsModel Model { get; }

    public string Name { get; }

    public string HttpMethod => _operation.GetProperty("http").GetProperty("method").GetString()!;

    public string RequestUri => _operation.GetProperty("http").GetProperty("requestUri").GetString()!;

    /// <summary>The success status the model declares (200 when it says nothing).</summary>
    public int ResponseCode => _operation.GetProperty("http").TryGetProperty("responseCode", out var code) ? code.GetInt32() : 200;

    private JsonElement? InputShape => _operation.TryGetProperty("input", out var input) ? Model.Shape(input.GetProperty("shape").GetString()!) : null;

    private JsonElement? OutputShape => _operation.TryGetProperty("output", out var output) ? Model.Shape(output.GetProperty("shape").GetString()!) : null;

    public void AssertRequestConforms(HttpRequestMessage request, string? body)
    {
        var problems = ValidateRequest(request, body);
        if (problems.Count > 0)
        {
            Assert.Fail($"{Model.Service} {Name} request does not conform to the API model:\n - {string.Join("\n - ", problems)}\nBody: {body}");
        }
    }

    public void AssertResponseConforms(string body)
    {
        var problems = ValidateResponse(body);
        if (problems.Count > 0)
        {
            Assert.Fail($"{Model.Service} {Name} response does not conform to the API model:\n - {string.Join("\n - ", problems)}\nBody: {body}");
        }
    }

    /// <summary>
    /// Stricter than <see cref="AssertRequestConforms"/>: every XML structure lists its members in model order.
    /// CloudFront validates bodies against a schema of ordered sequences, so its clients should pass this too.
    /// </summary>
    public void AssertRequestMemberOrder(string body)
    {
        var problems = new List<string>();
        if (TryParseXml(body, problems, out var root) && InputShape is { } shape)
        {
            var rootShape = shape.TryGetProperty("payload", out var payloadName)
                ? Target(Members(shape).Single(m => m.Name == payloadName.GetString()).Value)
                : shape;
            CheckOrder(root, rootShape, root.Name.LocalName, problems);
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"{Model.Service} {Name} request lists members out of model order:\n - {string.Join("\n - ", problems)}");
        }
    }

    private void CheckOrder(XElement element, JsonElement shape, string path, List<string> problems)
    {
        switch (Type(shape))
        {
            case "structure":
                var members = Members(shape);
                var last = -1;
                foreach (var child in element.Elements())
                {
                    var index = members.FindIndex(m => XmlName(m) == child.Name.LocalName);
                    if (index < 0)
                    {
                        continue;
                    }

                    if (index < last)
                    {
                        problems.Add($"{path}/{child.Name.LocalName} comes after {XmlName(members[last])}");
                    }

                    last = Math.Max(last, index);
                    CheckOrder(child, Target(members[index].Value), $"{path}/{child.Name.LocalName}", problems);
                }

                break;
            case "list":
                foreach (var item in element.Elements())
                {
                    CheckOrder(item, Target(shape.GetProperty("member")), $"{path}/{item.Name.LocalName}", problems);
                }

                break;
        }
    }

    public IReadOnlyList<string> ValidateRequest(HttpRequestMessage request, string? body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        if (!string.Equals(request.Method.Method, HttpMethod, StringComparison.Ordinal))
        {
            problems.Add($"method is {request.Method}, the model says {HttpMethod}");
        }

        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        if (!uri.IsAbsoluteUri)
        {
            problems.Add("the request URI is not absolute (capture it below HttpClient, where BaseAddress is applied)");
            return problems;
        }

        switch (Model.Protocol)
        {
            case "rest-xml":
            case "rest-json":
                ValidateRestRequest(request, uri, body, problems);
                break;
            case "query":
            case "ec2":
                ValidateQueryRequest(request, uri, body, problems);
                break;
            case "json":
                ValidateJsonRequest(request, uri, body, problems);
                break;
            default:
                problems.Add($"protocol {Model.Protocol} is not supported by the checker");
                break;
        }

        return problems;
    }

    public IReadOnlyList<string> ValidateResponse(string body)
    {
        var problems = new List<string>();
        switch (Model.Protocol)
        {
            case "rest-xml":
                ValidateRestXmlResponse(body, problems);
                break;
            case "query":
            case "ec2":
                ValidateQueryResponse(body, problems);
                break;
            case "json":
                ValidateJsonDocument(body, OutputShape, members => members.ToList(), MemberNameJson, "response", problems);
                break;
            case "rest-json":
                ValidateRestJsonBody(body, OutputShape, "response", problems);
                break;
            default:
                problems.Add($"protocol {Model.Protocol} is not supported by the checker");
                break;
        }

        return problems;
    }

    // ---------- REST (rest-xml, rest-json) requests ----------
    private void ValidateRestRequest(HttpRequestMessage request, Uri uri, string? body, List<string> problems)
    {
        var parts = RequestUri.Split('?', 2);
        var labels = new List<(string Name, bool Greedy)>();
        var pattern = "^" + LabelRegex().Replace(Regex.Escape(parts[0]).Replace("\\{", "{", StringComparison.Ordinal), match =>
        {
            var greedy = match.Groups[2].Value == "+";
            labels.Add((match.Groups[1].Value, greedy));
            return greedy ? "(.+)" : "([^/]+)";
        }) + "$";
        var pathMatch = Regex.Match(uri.AbsolutePath, pattern);
        if (!pathMatch.Success)
        {
            problems.Add($"path {uri.AbsolutePath} does not match {parts[0]}");
        }

        var query = ParseQuery(uri.Query);
        var staticKeys = parts.Length > 1 ? ParseQuery("?" + parts[1]) : [];
        foreach (var (key, value) in staticKeys)
        {
            if (!query.Any(q => q.Key == key && (value is null || q.Value == value)))
            {
                problems.Add($"query key '{key}' of the URI template is missing");
            }
        }

        var input = InputShape;
        var members = input is { } shape ? Members(shape) : [];
        var required = input is { } s ? Required(s) : [];
        foreach (var (key, value) in query.Where(q => !staticKeys.Any(k => k.Key == q.Key)))
        {
            var member = members.FirstOrDefault(m => Location(m.Value) == "querystring" && LocationName(m) == key);
            if (member.Name is null)
            {
                problems.Add($"query parameter '{key}' is not a member of {Name}");
                continue;
            }

            var target = Target(member.Value);
            var scalar = Type(target) == "list" ? Target(target.GetProperty("member")) : target;
            CheckScalar(value ?? string.Empty, scalar, $"query '{key}'", "header", problems);
        }

        foreach (var member in members)
        {
            var location = Location(member.Value);
            var isRequired = required.Contains(member.Name);
            switch (location)
            {
                case "uri":
                    var index = labels.FindIndex(l => l.Name == LocationName(member));
                    if (index < 0)
                    {
                        problems.Add($"model label {LocationName(member)} not in template");
                    }
                    else if (pathMatch.Success && Uri.UnescapeDataString(pathMatch.Groups[index + 1].Value).Length == 0)
                    {
                        problems.Add($"URI label {{{LocationName(member)}}} is empty");
                    }
                    else if (pathMatch.Success && !labels[index].Greedy && Uri.UnescapeDataString(pathMatch.Groups[index + 1].Value).Contains('/', StringComparison.Ordinal)
                        && pathMatch.Groups[index + 1].Value.Contains('/', StringComparison.Ordinal))
                    {
                        problems.Add($"URI label {{{LocationName(member)}}} contains an unencoded '/'");
                    }

                    break;
                case "querystring":
                    if (isRequired && !query.Any(q => q.Key == LocationName(member)))
                    {
                        problems.Add($"required query parameter '{LocationName(member)}' is missing");
                    }

                    break;
                case "header":
                    var headerValue = Header(request, LocationName(member));
                    if (headerValue is null)
                    {
                        if (isRequired)
                        {
                            problems.Add($"required header '{LocationName(member)}' is missing");
                        }
                    }
                    else
                    {
                        CheckScalar(headerValue, Target(member.Value), $"header '{LocationName(member)}'", "header", problems);
                    }

                    break;
            }
        }

        if (Model.Protocol == "rest-xml")
        {
            ValidateRestXmlRequestBody(body, problems);
        }
        else
        {
            ValidateRestJsonBody(body, input, "request", problems);
        }
    }

    private void ValidateRestXmlRequestBody(string? body, List<string> problems)
    {
        var input = InputShape;
        if (input is not { } shape)
        {
            if (!string.IsNullOrEmpty(body))
            {
                problems.Add("the operation has no input, but the request has a body");
            }

            return;
        }

        var members = Members(shape);
        var required = Required(shape);
        var bodyMembers = members.Where(m => Location(m.Value) is null).ToList();
        string? rootName;
        string? ns;
        JsonElement rootShape;
        List<(string Name, JsonElement Value)>? allowed = null;
        var bodyRequired = bodyMembers.Any(m => required.Contains(m.Name));
        if (shape.TryGetProperty("payload", out var payloadName))
        {
            var payload = members.Single(m => m.Name == payloadName.GetString());
            rootShape = Target(payload.Value);
            if (Type(rootShape) != "structure")
            {
                return;
            }

            rootName = LocationName(payload);
            ns = payload.Value.TryGetProperty("xmlNamespace", out var payloadNs) ? payloadNs.GetProperty("uri").GetString() : Model.XmlNamespace;
        }
        else if (bodyMembers.Count > 0)
        {
            var inputRef = _operation.GetProperty("input");
            rootName = inputRef.TryGetProperty("locationName", out var name) ? name.GetString() : null;
            ns = inputRef.TryGetProperty("xmlNamespace", out var inputNs) ? inputNs.GetProperty("uri").GetString() : Model.XmlNamespace;
            rootShape = shape;
            allowed = bodyMembers;
        }
        else
        {
            if (!string.IsNullOrEmpty(body))
            {
                problems.Add("the operation takes no XML body, but the request has one");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            if (bodyRequired)
            {
                problems.Add($"the request has no body, the model requires <{rootName}>");
            }

            return;
        }

        if (!TryParseXml(body, problems, out var root))
        {
            return;
        }

        if (root.Name.LocalName != rootName)
        {
            problems.Add($"root element is <{root.Name.LocalName}>, the model says <{rootName}>");
        }

        if (ns is not null && root.Name.NamespaceName != ns)
        {
            problems.Add($"root namespace is '{root.Name.NamespaceName}', the model says '{ns}'");
        }

        ValidateXmlStructure(root, rootShape, rootName ?? root.Name.LocalName, root.Name.Namespace, allowed, problems);
    }

    // ---------- query / ec2 requests ----------
    private void ValidateQueryRequest(HttpRequestMessage request, Uri uri, string? body, List<string> problems)
    {
        if (uri.AbsolutePath != "/")
        {
            problems.Add($"path is {uri.AbsolutePath}, query APIs post to /");
        }

        if (!string.IsNullOrEmpty(uri.Query))
        {
            problems.Add("parameters belong in the form body, not the query string");
        }

        var contentType = request.Content?.Headers.ContentType?.MediaType;
        if (contentType != "application/x-www-form-urlencoded")
        {
            problems.Add($"Content-Type is '{contentType}', expected application/x-www-form-urlencoded");
        }

        var pairs = ParseQuery("?" + (body ?? string.Empty));
        var action = pairs.Where(p => p.Key == "Action").Select(p => p.Value).ToList();
        var version = pairs.Where(p => p.Key == "Version").Select(p => p.Value).ToList();
        if (action is not [var a] || a != Name)
        {
            problems.Add($"Action is '{string.Join(",", action)}', expected '{Name}'");
        }

        if (version is not [var v] || v != Model.ApiVersion)
        {
            problems.Add($"Version is '{string.Join(",", version)}', expected '{Model.ApiVersion}'");
        }

        var tree = new QueryNode();
        foreach (var (key, value) in pairs.Where(p => p.Key is not "Action" and not "Version"))
        {
            var node = tree;
            foreach (var segment in key.Split('.'))
            {
                node = node.Children.TryGetValue(segment, out var child) ? child : node.Children[segment] = new QueryNode();
            }

            if (node.Value is not null)
            {
                problems.Add($"parameter '{key}' appears twice");
            }

            node.Value = value ?? string.Empty;
        }

        if (InputShape is { } shape)
        {
            ValidateQueryStructure(tree, shape, string.Empty, problems);
        }
        else if (tree.Children.Count > 0)
        {
            problems.Add("the operation has no input, but parameters were sent");
        }
    }

    private void ValidateQueryStructure(QueryNode node, JsonElement shape, string path, List<string> problems)
    {
        if (node.Value is not null && node.Children.Count == 0)
        {
            problems.Add($"'{path}' is a structure but has a scalar value");
            return;
        }

        var members = Members(shape);
        foreach (var (key, child) in node.Children)
        {
            var member = members.FirstOrDefault(m => QueryName(m) == key);
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (member.Name is null)
            {
                problems.Add($"parameter '{childPath}' is not a member of {ShapeName(shape)}");
                continue;
            }

            ValidateQueryValue(child, Target(member.Value), member.Value, childPath, problems);
        }

        foreach (var name in Required(shape))
        {
            var member = members.Single(m => m.Name == name);
            if (!node.Children.ContainsKey(QueryName(member)))
            {
                problems.Add($"required parameter '{(path.Length == 0 ? string.Empty : path + ".")}{QueryName(member)}' is missing");
            }
        }
    }

    private void ValidateQueryValue(QueryNode node, JsonElement shape, JsonElement memberRef, string path, List<string> problems)
    {
        switch (Type(shape))
        {
            case "structure":
                ValidateQueryStructure(node, shape, path, problems);
                break;
            case "list":
                if (node.Children.Count == 0 && node.Value == string.Empty)
                {
                    return; // awsQuery's empty list: "Name="
                }

                var itemShape = Target(shape.GetProperty("member"));
                var flattened = Model.Protocol == "ec2" || IsFlattened(shape, memberRef);
                var items = node;
                var itemsPath = path;
                if (!flattened)
                {
                    var segment = shape.GetProperty("member").TryGetProperty("locationName", out var ln) ? ln.GetString()! : "member";
                    if (node.Children.Count != 1 || !node.Children.TryGetValue(segment, out var inner))
                    {
                        problems.Add($"list '{path}' must be serialized as '{path}.{segment}.N' (got {string.Join(", ", node.Children.Keys.Select(k => path + "." + k))})");
                        return;
                    }

                    items = inner;
                    itemsPath = $"{path}.{segment}";
                }

                CheckIndexes(items, itemsPath, problems);
                foreach (var (index, item) in items.Children)
                {
                    ValidateQueryValue(item, itemShape, shape.GetProperty("member"), $"{itemsPath}.{index}", problems);
                }

                break;
            case "map":
                var entries = node.Children.TryGetValue("entry", out var e) ? e : node;
                CheckIndexes(entries, path + ".entry", problems);
                foreach (var (index, entry) in entries.Children)
                {
                    foreach (var key in entry.Children.Keys.Where(k => k is not "key" and not "value"))
                    {
                        problems.Add($"map entry '{path}.entry.{index}.{key}' is neither key nor value");
                    }
                }

                break;
            default:
                if (node.Children.Count > 0)
                {
                    problems.Add($"'{path}' is a scalar but has nested parameters ({string.Join(", ", node.Children.Keys)})");
                }
                else
                {
                    CheckScalar(node.Value ?? string.Empty, shape, $"parameter '{path}'", "query", problems);
                }

                break;
        }
    }

    private static void CheckIndexes(QueryNode node, string path, List<string> problems)
    {
        var indexes = node.Children.Keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).OrderBy(i => i).ToList();
        if (indexes.Any(i => i < 1) || !indexes.SequenceEqual(Enumerable.Range(1, indexes.Count)))
        {
            problems.Add($"'{path}' items must be numbered 1..N, got {string.Join(", ", node.Children.Keys)}");
        }
    }

    private string QueryName((string Name, JsonElement Value) member)
    {
        if (Model.Protocol == "ec2")
        {
            if (member.Value.TryGetProperty("queryName", out var queryName))
            {
                return queryName.GetString()!;
            }

            if (member.Value.TryGetProperty("locationName", out var locationName))
            {
                var text = locationName.GetString()!;
                return char.ToUpperInvariant(text[0]) + text[1..];
            }

            return member.Name;
        }

        return LocationName(member);
    }

    private sealed class QueryNode
    {
        public Dictionary<string, QueryNode> Children { get; } = new(StringComparer.Ordinal);

        public string? Value { get; set; }
    }

    // ---------- json requests ----------
    private void ValidateJsonRequest(HttpRequestMessage request, Uri uri, string? body, List<string> problems)
    {
        if (uri.AbsolutePath != "/")
        {
            problems.Add($"path is {uri.AbsolutePath}, JSON 1.x APIs post to /");
        }

        var target = Header(request, "X-Amz-Target");
        var expectedTarget = $"{Model.TargetPrefix}.{Name}";
        if (target != expectedTarget)
        {
            problems.Add($"X-Amz-Target is '{target}', expected '{expectedTarget}'");
        }

        var contentType = request.Content?.Headers.ContentType?.MediaType;
        var expectedType = $"application/x-amz-json-{Model.JsonVersion}";
        if (contentType != expectedType)
        {
            problems.Add($"Content-Type is '{contentType}', expected {expectedType}");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add("JSON 1.x requests always carry a body (at least {})");
            return;
        }

        ValidateJsonDocument(body, InputShape, members => members.ToList(), MemberNameJson, "request", problems);
    }

    // ---------- REST-JSON bodies ----------
    private void ValidateRestJsonBody(string? body, JsonElement? shape, string what, List<string> problems)
    {
        if (shape is not { } s)
        {
            return;
        }

        if (s.TryGetProperty("payload", out var payloadName))
        {
            var payload = Members(s).Single(m => m.Name == payloadName.GetString());
            var target = Target(payload.Value);
            if (Type(target) == "structure" && !string.IsNullOrWhiteSpace(body))
            {
                ValidateJsonDocument(body, target, members => members.ToList(), MemberNameRestJson, what, problems);
            }

            return;
        }

        var bodyMembers = Members(s).Where(m => Location(m.Value) is null && !m.Value.TryGetProperty("location", out _)).ToList();
        if (string.IsNullOrWhiteSpace(body))
        {
            foreach (var name in Required(s).Where(r => bodyMembers.Any(m => m.Name == r)))
            {
                problems.Add($"required body member '{name}' is missing (no body)");
            }

            return;
        }

        ValidateJsonDocument(body, s, _ => bodyMembers, MemberNameRestJson, what, problems);
    }

    private void ValidateJsonDocument(
        string? body,
        JsonElement? shape,
        Func<IEnumerable<(string Name, JsonElement Value)>, List<(string Name, JsonElement Value)>> topLevelMembers,
        Func<(string Name, JsonElement Value), string> jsonName,
        string what,
        List<string> problems)
    {
        if (shape is not { } s)
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException exception)
        {
            problems.Add($"{what} body is not JSON: {exception.Message}");
            return;
        }

        using (document)
        {
            ValidateJsonStructure(document.RootElement, s, topLevelMembers(Members(s)), jsonName, "$", problems);
        }
    }

    private void ValidateJsonStructure(JsonElement value, JsonElement shape, List<(string Name, JsonElement Value)> members, Func<(string Name, JsonElement Value), string> jsonName, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} must be an object ({ShapeName(shape)}), got {value.ValueKind}");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var member = members.FirstOrDefault(m => jsonName(m) == property.Name);
            if (member.Name is null)
            {
                problems.Add($"{path}.{property.Name} is not a member of {ShapeName(shape)}");
                continue;
            }

            seen.Add(member.Name);
            ValidateJsonValue(property.Value, Target(member.Value), jsonName, $"{path}.{property.Name}", problems);
        }

        foreach (var name in Required(shape).Where(r => members.Any(m => m.Name == r) && !seen.Contains(r)))
        {
            problems.Add($"{path} lacks required member {jsonName(members.First(m => m.Name == name))}");
        }
    }

    private void ValidateJsonValue(JsonElement value, JsonElement shape, Func<(string Name, JsonElement Value), string> jsonName, string path, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{path} is null; absent members must be omitted");
            return;
        }

        switch (Type(shape))
        {
            case "structure":
                ValidateJsonStructure(value, shape, Members(shape).ToList(), jsonName, path, problems);
                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path} must be an array");
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    ValidateJsonValue(item, Target(shape.GetProperty("member")), jsonName, $"{path}[{index++}]", problems);
                }

                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path} must be an object (map)");
                    return;
                }

                foreach (var property in value.EnumerateObject())
                {
                    ValidateJsonValue(property.Value, Target(shape.GetProperty("value")), jsonName, $"{path}.{property.Name}", problems);
                }

                break;
            case "boolean":
                if (value.ValueKind is not JsonValueKind.True and not JsonValueKind.False)
                {
                    problems.Add($"{path} must be a JSON boolean");
                }

                break;
            case "integer" or "long" or "double" or "float":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path} must be a JSON number");
                }

                break;
            case "timestamp":
                var iso = shape.TryGetProperty("timestampFormat", out var format) && format.GetString() == "iso8601";
                if (iso ? value.ValueKind != JsonValueKind.String : value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path} must be a timestamp as {(iso ? "ISO 8601 string" : "epoch seconds number")}");
                }

                break;
            default:
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path} must be a JSON string");
                    return;
                }

                CheckScalar(value.GetString()!, shape, path, "json", problems);
                break;
        }
    }

    private static string MemberNameJson((string Name, JsonElement Value) member) => member.Name;

    private static string MemberNameRestJson((string Name, JsonElement Value) member) => LocationName(member);

    // ---------- XML responses ----------
    private void ValidateRestXmlResponse(string body, List<string> problems)
    {
        if (OutputShape is not { } shape)
        {
            if (!string.IsNullOrWhiteSpace(body))
            {
                problems.Add("the operation has no output, but the response has a body");
            }

            return;
        }

        var members = Members(shape);
        string[] rootNames;
        JsonElement rootShape;
        List<(string Name, JsonElement Value)>? allowed = null;
        if (shape.TryGetProperty("payload", out var payloadName))
        {
            var payload = members.Single(m => m.Name == payloadName.GetString());
            rootShape = Target(payload.Value);
            if (Type(rootShape) != "structure")
            {
                return;
            }

            rootNames = [LocationName(payload), payload.Value.GetProperty("shape").GetString()!];
        }
        else
        {
            allowed = members.Where(m => Location(m.Value) is null).ToList();
            if (allowed.Count == 0)
            {
                if (!string.IsNullOrWhiteSpace(body))
                {
                    problems.Add("the operation's output has no body members, but the response has a body");
                }

                return;
            }

            rootNames = [Name + "Response"];
            rootShape = shape;
        }

        if (!TryParseXml(body, problems, out var root))
        {
            return;
        }

        if (!rootNames.Contains(root.Name.LocalName))
        {
            problems.Add($"root element is <{root.Name.LocalName}>, expected <{rootNames[0]}>");
        }

        CheckNamespace(root, problems);
        ValidateXmlStructure(root, rootShape, root.Name.LocalName, root.Name.Namespace, allowed, problems);
    }

    private void ValidateQueryResponse(string body, List<string> problems)
    {
        if (!TryParseXml(body, problems, out var root))
        {
            return;
        }

        if (root.Name.LocalName != Name + "Response")
        {
            problems.Add($"root element is <{root.Name.LocalName}>, expected <{Name}Response>");
        }

        CheckNamespace(root, problems);
        var ns = root.Name.Namespace;
        if (Model.Protocol == "ec2")
        {
            var allowed = OutputShape is { } ec2Shape ? Members(ec2Shape).ToList() : [];
            var requestId = root.Elements().Where(e => e.Name.LocalName == "requestId").ToList();
            if (requestId.Count != 1)
            {
                problems.Add("EC2 responses carry exactly one <requestId>");
            }

            requestId.ForEach(e => e.Remove());
            ValidateXmlStructure(root, OutputShape ?? default, root.Name.LocalName, ns, allowed, problems);
            return;
        }

        var wrapper = _operation.GetProperty("output").TryGetProperty("resultWrapper", out var wrapperName) ? wrapperName.GetString() : null;
        foreach (var child in root.Elements())
        {
            CheckElementNamespace(child, ns, problems);
            if (child.Name.LocalName == "ResponseMetadata")
            {
                if (child.Elements().Any(e => e.Name.LocalName != "RequestId") || !child.Elements().Any())
                {
                    problems.Add("<ResponseMetadata> must hold exactly <RequestId>");
                }
            }
            else if (wrapper is not null && child.Name.LocalName == wrapper && OutputShape is { } output)
            {
                ValidateXmlStructure(child, output, wrapper, ns, null, problems);
            }
            else
            {
                problems.Add($"unexpected element <{child.Name.LocalName}> in <{root.Name.LocalName}>");
            }
        }

        if (wrapper is not null && root.Elements().All(e => e.Name.LocalName != wrapper))
        {
            problems.Add($"<{wrapper}> is missing");
        }
    }

    private void CheckNamespace(XElement root, List<string> problems)
    {
        if (Model.XmlNamespace is { } ns && root.Name.NamespaceName != ns)
        {
            problems.Add($"root namespace is '{root.Name.NamespaceName}', expected '{ns}'");
        }
    }

    private static void CheckElementNamespace(XElement element, XNamespace ns, List<string> problems)
    {
        if (element.Name.Namespace != ns)
        {
            problems.Add($"<{element.Name.LocalName}> is in namespace '{element.Name.NamespaceName}', expected '{ns.NamespaceName}' (child elements inherit the root's default namespace)");
        }
    }

    // ---------- XML structures (shared by requests and responses) ----------
    private void ValidateXmlStructure(XElement element, JsonElement shape, string path, XNamespace ns, IReadOnlyList<(string Name, JsonElement Value)>? allowedMembers, List<string> problems)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            problems.Add($"{path} has an unexpected attribute {attribute.Name.LocalName}");
        }

        if (element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            problems.Add($"{path} is a structure but has text content");
        }

        var members = allowedMembers ?? (shape.ValueKind == JsonValueKind.Undefined ? [] : Members(shape).Where(m => Location(m.Value) is null).ToList());
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            CheckElementNamespace(child, ns, problems);
            var name = child.Name.LocalName;
            var member = members.FirstOrDefault(m => XmlName(m) == name);
            if (member.Name is null)
            {
                problems.Add($"{path}/{name} is not a member of {ShapeName(shape)}");
                continue;
            }

            var target = Target(member.Value);
            var flattened = Type(target) == "list" && IsFlattened(target, member.Value);
            counts[member.Name] = counts.GetValueOrDefault(member.Name) + 1;
            if (!flattened && counts[member.Name] == 2)
            {
                problems.Add($"{path}/{name} appears more than once");
            }

            if (flattened)
            {
                ValidateXmlValue(child, Target(target.GetProperty("member")), $"{path}/{name}", ns, problems);
            }
            else
            {
                ValidateXmlValue(child, target, $"{path}/{name}", ns, problems);
            }
        }

        if (shape.ValueKind != JsonValueKind.Undefined)
        {
            foreach (var name in Required(shape).Where(r => members.Any(m => m.Name == r) && !counts.ContainsKey(r)))
            {
                problems.Add($"{path} lacks required <{XmlName(members.First(m => m.Name == name))}>");
            }
        }
    }

    private void ValidateXmlValue(XElement element, JsonElement shape, string path, XNamespace ns, List<string> problems)
    {
        switch (Type(shape))
        {
            case "structure":
                ValidateXmlStructure(element, shape, path, ns, null, problems);
                break;
            case "list":
                var memberRef = shape.GetProperty("member");
                var itemName = memberRef.TryGetProperty("locationName", out var ln) ? ln.GetString()! : "member";
                if (element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
                {
                    problems.Add($"{path} is a list but has text content");
                }

                foreach (var item in element.Elements())
                {
                    CheckElementNamespace(item, ns, problems);
                    if (item.Name.LocalName != itemName)
                    {
                        problems.Add($"{path}/{item.Name.LocalName}: list items must be <{itemName}>");
                        continue;
                    }

                    ValidateXmlValue(item, Target(memberRef), $"{path}/{itemName}", ns, problems);
                }

                break;
            case "map":
                foreach (var entry in element.Elements())
                {
                    if (entry.Name.LocalName != "entry")
                    {
                        problems.Add($"{path}/{entry.Name.LocalName}: map items must be <entry>");
                    }
                }

                break;
            default:
                if (element.HasElements)
                {
                    problems.Add($"{path} is a scalar ({Type(shape)}) but has child elements");
                    return;
                }

                CheckScalar(element.Value, shape, path, "xml", problems);
                break;
        }
    }

    // ---------- scalars ----------
    private static void CheckScalar(string text, JsonElement shape, string where, string context, List<string> problems)
    {
        switch (Type(shape))
        {
            case "boolean":
                if (text is not "true" and not "false")
                {
                    problems.Add($"{where} must be 'true' or 'false', got '{text}'");
                }

                break;
            case "integer" or "long":
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{where} must be an integer, got '{text}'");
                }

                break;
            case "double" or "float":
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{where} must be a number, got '{text}'");
                }

                break;
            case "timestamp":
                // Bodies and query strings use ISO 8601; headers use RFC 1123 (HTTP date) unless the model says otherwise.
                var ok = context == "header"
                    ? DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) || IsIso8601(text)
                    : IsIso8601(text);
                if (!ok)
                {
                    problems.Add($"{where} must be a timestamp in the protocol's format, got '{text}'");
                }

                break;
            case "blob":
                if (!IsBase64(text))
                {
                    problems.Add($"{where} must be base64, got '{text}'");
                }

                break;
            case "string":
                if (shape.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != text))
                {
                    problems.Add($"{where} '{text}' is not one of {string.Join("|", values.EnumerateArray().Select(v => v.GetString()))}");
                }

                break;
        }
    }

    private static bool IsIso8601(string text) =>
        text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    // ---------- model access ----------
    private static List<(string Name, JsonElement Value)> Members(JsonElement shape) =>
        shape.TryGetProperty("members", out var members) ? members.EnumerateObject().Select(m => (m.Name, m.Value)).ToList() : [];

    private static HashSet<string> Required(JsonElement shape) =>
        shape.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal) : [];

    private JsonElement Target(JsonElement memberRef) => Model.Shape(memberRef.GetProperty("shape").GetString()!);

    private static string Type(JsonElement shape) => shape.ValueKind == JsonValueKind.Undefined ? "structure" : shape.GetProperty("type").GetString()!;

    private static string? Location(JsonElement memberRef) => memberRef.TryGetProperty("location", out var location) ? location.GetString() : null;

    private static string LocationName((string Name, JsonElement Value) member) =>
        member.Value.TryGetProperty("locationName", out var name) ? name.GetString()! : member.Name;

    private string XmlName((string Name, JsonElement Value) member)
    {
        var target = Target(member.Value);
        if (Type(target) == "list" && IsFlattened(target, member.Value) && !member.Value.TryGetProperty("locationName", out _)
            && target.GetProperty("member").TryGetProperty("locationName", out var itemName))
        {
            return itemName.GetString()!;
        }

        return LocationName(member);
    }

    private static bool IsFlattened(JsonElement listShape, JsonElement memberRef) =>
        (listShape.TryGetProperty("flattened", out var f) && f.GetBoolean()) || (memberRef.TryGetProperty("flattened", out var g) && g.GetBoolean());

    private static string ShapeName(JsonElement shape) =>
        shape.ValueKind == JsonValueKind.Undefined || !shape.TryGetProperty("members", out var members)
            ? "the model"
            : $"the model (members: {string.Join(", ", members.EnumerateObject().Select(m => m.Name))})";

    private static string? Header(HttpRequestMessage request, string name)
    {
        if (request.Headers.TryGetValues(name, out var values))
        {
            return string.Join(",", values);
        }

        HttpContentHeaders? contentHeaders = request.Content?.Headers;
        return contentHeaders is not null && contentHeaders.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues) : null;
    }

    private static List<KeyValuePair<string, string?>> ParseQuery(string query)
    {
        var result = new List<KeyValuePair<string, string?>>();
        var text = query.StartsWith('?') ? query[1..] : query;
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? null : Decode(pair[(equals + 1)..]);
            result.Add(new(key, value));
        }

        return result;
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static bool TryParseXml(string? body, List<string> problems, out XElement root)
    {
        try
        {
            root = XElement.Parse(body ?? string.Empty);
            return true;
        }
        catch (XmlException exception)
        {
            problems.Add($"body is not XML: {exception.Message}");
            root = null!;
            return false;
        }
    }

    [GeneratedRegex(@"\{(\w+)(\+?)\}")]
    private static partial Regex LabelRegex();
}
