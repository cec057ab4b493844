using Microsoft.Extensions.Options;

namespace PrivateApiEdge.Sandbox.Core.Faults;

/// <summary>Holds the active fault rules and decides, per call, which fault (if any) hits it.</summary>
public sealed class FaultInjector
{
    private readonly Lock _sync = new();
    private readonly List<SandboxFaultRule> _rules = [];
    private readonly Random _random;

    public FaultInjector(IOptions<SandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _random = options.Value.FaultSeed is { } seed ? new Random(seed) : Random.Shared;
        foreach (var rule in options.Value.Faults)
        {
            Add(rule);
        }
    }

    public IReadOnlyList<SandboxFaultRule> Rules
    {
        get
        {
            lock (_sync)
            {
                return [.. _rules];
            }
        }
    }

    public void Add(SandboxFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!SandboxFaultKinds.All.Contains(rule.Kind))
        {
            throw new ArgumentException($"Unknown fault kind '{rule.Kind}'; use one of {string.Join(", ", SandboxFaultKinds.All)}.", nameof(rule));
        }

        if (rule.Count is null && rule.Rate is < 0 or > 1)
        {
            throw new ArgumentException("Rate must be between 0 and 1.", nameof(rule));
        }

        lock (_sync)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _rules.Clear();
        }
    }

    /// <summary>The request-level fault (anything but delayed consistency) that hits this call, if any.</summary>
    public string? TakeRequestFault(string service, string operation) =>
        Take(service, operation, kind => kind != SandboxFaultKinds.DelayedConsistency)?.Kind;

    /// <summary>How long a resource created by this call stays invisible (zero when no rule hits).</summary>
    public TimeSpan TakeConsistencyDelay(string service, string operation) =>
        Take(service, operation, kind => kind == SandboxFaultKinds.DelayedConsistency) is { } rule
            ? TimeSpan.FromMilliseconds(rule.DelayMs)
            : TimeSpan.Zero;

    private SandboxFaultRule? Take(string service, string operation, Func<string, bool> kinds)
    {
        lock (_sync)
        {
            foreach (var rule in _rules.Where(r => kinds(r.Kind) && r.Matches(service, operation)).ToList())
            {
                if (rule.Count is { } remaining)
                {
                    if (remaining <= 1)
                    {
                        _rules.Remove(rule);
                    }
                    else
                    {
                        rule.Count = remaining - 1;
                    }

                    return rule;
                }

                if (rule.Rate > 0 && _random.NextDouble() < rule.Rate)
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
