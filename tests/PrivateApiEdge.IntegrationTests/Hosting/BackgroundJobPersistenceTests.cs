using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.IntegrationTests.Hosting;

public sealed class BackgroundJobPersistenceTests
{
    [Fact]
    public async Task A_scheduled_job_survives_a_portal_restart_on_persistent_storage()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("privateapiedge-restart-").FullName;
        string jobId;
        string? postgres;
        await using (var first = PortalAppFactory.OnDataDirectory(dataDirectory, BackgroundJobStorage.Sqlite, ownsDataDirectory: false))
        {
            var jobs = first.Services.GetRequiredService<IBackgroundJobClient>();
            jobId = jobs.Schedule(() => Console.WriteLine("still here"), TimeSpan.FromHours(1));
            postgres = first.PostgresConnectionString;
        }

        await using var second = PortalAppFactory.OnDataDirectory(dataDirectory, BackgroundJobStorage.Sqlite, ownsDataDirectory: true, postgres);
        var storage = second.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var job = connection.GetJobData(jobId);

        Assert.NotNull(job);
        Assert.Equal("Scheduled", job.State);
        Assert.Equal(nameof(Console.WriteLine), job.Job.Method.Name);
    }
}
