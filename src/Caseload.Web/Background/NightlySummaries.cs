using System.Globalization;
using Caseload.Core.Features.Analytics;
using Caseload.Core.Features.Sessions;

namespace Caseload.Web.Background;

/// <summary>
/// Runs <see cref="BringSummariesUpToDate"/> every night at <c>Summaries:NightlyAt</c> on the school's clock (default
/// 02:00; <c>off</c> turns it off), then tidies the sign-in sessions (<see cref="UserSessions.TidyAsync"/>). Each step that fails is logged (its error type, no personal data) and tried again the next night; the other step still runs.
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
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await RunNightAsync(stoppingToken);
        }
    }

    /// <summary>
    /// One night's work: the summaries, then the sessions' tidy. Each step stands on its own: a step that fails is logged
    /// (its error type, no personal data) and tried again the next night, and the other still runs — sessions still time
    /// out and old ones are still deleted on a night the summaries cannot be brought up to date.
    /// </summary>
    /// <returns>Whether each step finished.</returns>
    internal async Task<(bool Summaries, bool Sessions)> RunNightAsync(CancellationToken ct)
    {
        var summaries = await StepAsync("summaries", async services =>
        {
            var result = await services.GetRequiredService<BringSummariesUpToDate>().HandleAsync(ct);
            log.LogInformation("Nightly summaries: {Students} students in {Institutions} institutions brought up to date in {Milliseconds} ms",
                result.Students, result.Institutions, (long)result.Took.TotalMilliseconds);
        }, ct);
        var sessions = await StepAsync("sessions", async services =>
        {
            var (ended, deleted) = await services.GetRequiredService<UserSessions>().TidyAsync(ct);
            log.LogInformation("Nightly sessions: {Ended} timed out, {Deleted} ended over {Days} days ago deleted", ended, deleted, (int)UserSessions.KeptFor.TotalDays);
        }, ct);
        return (summaries, sessions);
    }

    private async Task<bool> StepAsync(string step, Func<IServiceProvider, Task> work, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
#pragma warning disable CA1031 // a failed step must not stop the app or the night's other step; it is logged and tried again tomorrow
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogError("Nightly {Step} failed ({Error}); trying again the next night", step, e.GetType().Name);
            return false;
        }
    }
}
