using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>What the safeguarding team's steps share: finding a concern they may act on, and dates ahead.</summary>
internal static class SafeguardingWorkflow
{
    public sealed record Found(long Id, int StudentId, int InstitutionId, ReferralStatus Status);

    /// <summary>A safeguarding concern the viewer (the safeguarding team) may act on; null for anyone else or anything else.</summary>
    public static async Task<Found?> ConcernAsync(ReferralAccess access, StudentScope scope, long referralId, CancellationToken ct)
    {
        if (!scope.Viewer.May(Operation.ReadSafeguarding))
        {
            return null;
        }
        return await access.Readable(scope).AsNoTracking().Where(r => r.Id == referralId && r.Restricted)
            .Select(r => new Found(r.Id, r.StudentId, r.InstitutionId, r.Status)).FirstOrDefaultAsync(ct);
    }

    /// <summary>A due date or review date: required, from today to <see cref="Limits.SafeguardingDaysAhead"/> days ahead.</summary>
    public static DateOnly Ahead(DateOnly? date, DateOnly today, string what)
    {
        var d = date ?? throw new ValidationException($"give {what}");
        if (d < today)
        {
            throw new ValidationException($"{what} ({d:d MMMM yyyy}) is in the past; expected today or later");
        }
        if (d > today.AddDays(Limits.SafeguardingDaysAhead))
        {
            throw new ValidationException($"{what} ({d:d MMMM yyyy}) is more than {Limits.SafeguardingDaysAhead} days ahead; expected by {today.AddDays(Limits.SafeguardingDaysAhead):d MMMM yyyy}");
        }
        return d;
    }
}
