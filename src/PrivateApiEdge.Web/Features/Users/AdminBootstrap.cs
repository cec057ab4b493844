using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PrivateApiEdge.Web.Features.Users;

/// <summary>
/// The token that lets the very first admin be created on /account/setup. There is no default password: the token is
/// configured (<see cref="BootstrapOptions.Token"/>) or generated per process and written once to the log.
/// </summary>
public sealed class AdminBootstrap(IOptions<BootstrapOptions> options)
{
    private readonly Lazy<string> _token = new(() =>
        string.IsNullOrWhiteSpace(options.Value.Token) ? RandomNumberGenerator.GetHexString(32, lowercase: true) : options.Value.Token.Trim());

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Token);

    internal string Token => _token.Value;

    /// <summary>Constant-time comparison, so the token cannot be guessed byte by byte from response times.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate.Trim()), Encoding.UTF8.GetBytes(Token));
}

/// <summary>At start, while no account exists, tells the operator how to create the first admin.</summary>
internal sealed partial class AdminBootstrapAnnouncer(AdminBootstrap bootstrap, IServiceScopeFactory scopes, ILogger<AdminBootstrapAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<AccountService>().AnyAccountAsync(cancellationToken))
        {
            return;
        }

        if (bootstrap.IsConfigured)
        {
            LogConfiguredToken(logger);
        }
        else
        {
            LogGeneratedToken(logger, bootstrap.Token);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No portal account exists yet. Open /account/setup and enter the configured Authentication:Bootstrap:Token to create the first admin.")]
    private static partial void LogConfiguredToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No portal account exists yet. Open /account/setup and enter this one-time bootstrap token to create the first admin: {BootstrapToken}")]
    private static partial void LogGeneratedToken(ILogger logger, string bootstrapToken);
}
