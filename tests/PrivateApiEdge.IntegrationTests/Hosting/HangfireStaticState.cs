using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.Common;

namespace PrivateApiEdge.IntegrationTests.Hosting;

/// <summary>
/// Hangfire keeps process-wide static state whose type initializers log through whatever log provider the
/// latest host installed. Tests start and dispose many hosts in one process; if those initializers first run
/// after a host's LoggerFactory was disposed they fail for the rest of the process. Running them once, before
/// any host exists, removes that order dependence.
/// </summary>
internal static class HangfireStaticState
{
#pragma warning disable CA2255 // A test executable, not a library: initialising Hangfire's statics up front is the point.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        _ = GlobalJobFilters.Filters;
        _ = JobFilterProviders.Providers;
    }
}
