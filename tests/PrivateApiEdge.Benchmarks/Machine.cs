using System.Globalization;
using System.Runtime.InteropServices;

namespace PrivateApiEdge.Benchmarks;

/// <summary>What the numbers were measured on, and how busy it was.</summary>
public static class Machine
{
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memoryGb = memory is not null && long.TryParse(memory.Split(' ')[0], CultureInfo.InvariantCulture, out var kb)
            ? $"{kb / 1024.0 / 1024.0:0.0} GiB"
            : "unknown";
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical CPUs, {memoryGb} RAM, "
            + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>Peak resident set of this process (VmHWM), in MiB.</summary>
    public static double PeakWorkingSetMiB()
    {
        if (File.Exists("/proc/self/status"))
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture, out var kb))
            {
                return kb / 1024.0;
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}
