using System.Globalization;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.Sessions;

namespace Caseload.Web.Background;

/// <summary>
/// Runs <see cref="BringSummariesUpToDate"/> every night at <c>Summaries:NightlyAt</c> on the school's clock (default
/// 02:00; <c>off</c> turns it off), then tidies the sign-in sessions (<see cref="UserSessions.TidyAsync"/>). A failed run is logged (its error type, no personal data) and tried again the next night.
/// </summary>
public sealed class NightlySummaries(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<NightlySummaries> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var setting = configuration["Summaries:NightlyAt"] ?? "02:00";
        if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        if (!TimeOnly.TryParseExact(setting, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            log.LogError("Summaries:NightlyAt is '{Setting}'; expected a time as HH:mm (e.g. 02:00) or off. The nightly job is off.", setting);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(BringSummariesUpToDate.UntilNext(clock.GetLocalNow().DateTime, at), clock, stoppingToken);
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var result = await scope.ServiceProvider.GetRequiredService<BringSummariesUpToDate>().HandleAsync(stoppingToken);
                    log.LogInformation("Nightly summaries: {Students} students in {Institutions} institutions brought up to date in {Milliseconds} ms",
                        result.Students, result.Institutions, (long)result.Took.TotalMilliseconds);
                }
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var (ended, deleted) = await scope.ServiceProvider.GetRequiredService<UserSessions>().TidyAsync(stoppingToken);
                    log.LogInformation("Nightly sessions: {Ended} timed out, {Deleted} ended over {Days} days ago deleted", ended, deleted, (int)UserSessions.KeptFor.TotalDays);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed night must not stop the app; it is logged and tried again tomorrow
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.LogError("Nightly summaries failed ({Error}); trying again at the next {At}", e.GetType().Name, setting);
            }
        }
    }
}
