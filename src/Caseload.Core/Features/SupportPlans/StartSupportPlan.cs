using Caseload.Core.Domain;
using Caseload.Core.Security;

namespace Caseload.Core.Features.SupportPlans;

/// <summary>
/// Starts a support plan for a student with the dated steps its kind begins with: a PSP's mid-point and end reviews, an
/// EHCP annual review's statutory steps from the meeting date, a reduced timetable's fortnightly reviews to its end date.
/// </summary>
public sealed class StartSupportPlan(SupportPlanAccess access)
{
    /// <param name="KeyDate">An EHCP's annual review meeting (required); the first review of an IEP, Early Help plan (optional)
    /// or risk assessment (required).</param>
    /// <param name="EndsOn">A reduced timetable's end date (required).</param>
    /// <param name="OwnerStaffId">Null: the viewer.</param>
    public sealed record Request(int StudentId, SupportPlanKind? Kind, DateOnly? StartsOn, DateOnly? KeyDate = null, DateOnly? EndsOn = null,
        decimal? HoursPerWeek = null, int? OwnerStaffId = null);

    /// <returns>The plan's id, or null when the student is not the viewer's to plan for.</returns>
    public async Task<long?> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var kind = request.Kind is { } k && Enum.IsDefined(k) ? k : throw new ValidationException("choose the kind of plan");
        if (!await access.MayStartAsync(scope, request.StudentId, kind, ct))
        {
            return null;
        }
        var v = scope.Viewer;
        var today = access.Today;
        var starts = access.Within(request.StartsOn ?? today, "the start date");
        if (starts > today.AddDays(92))
        {
            throw new ValidationException($"the start date ({starts:d MMMM yyyy}) is more than 3 months ahead; start the plan nearer the time");
        }
        var owner = await access.StaffAsync(v.InstitutionId, request.OwnerStaffId ?? v.StaffId, "the plan's owner", ct);
        DateOnly? key = null, ends = null;
        decimal? hours = null;
        switch (kind)
        {
            case SupportPlanKind.Ehcp:
                key = access.Within(request.KeyDate, "the annual review meeting's date");
                if (key.Value.AddDays(-14) < today)
                {
                    throw new ValidationException($"the annual review needs 2 weeks' notice: the meeting ({key:d MMMM yyyy}) must be on or after {today.AddDays(14):d MMMM yyyy}");
                }
                break;
            case SupportPlanKind.RiskAssessment:
                key = access.Within(request.KeyDate, "the review date");
                break;
            case SupportPlanKind.SenSupport or SupportPlanKind.EarlyHelp when request.KeyDate is not null:
                key = access.Within(request.KeyDate, "the first review's date");
                break;
            case SupportPlanKind.ReducedTimetable:
                ends = access.Within(request.EndsOn, "the end date (a reduced timetable is time-limited)");
                if (ends <= starts)
                {
                    throw new ValidationException($"the end date ({ends:d MMMM yyyy}) is not after the start ({starts:d MMMM yyyy})");
                }
                if (ends > starts.AddDays(7 * Limits.ReducedTimetableMaxWeeks))
                {
                    throw new ValidationException($"a reduced timetable is time-limited: at most {Limits.ReducedTimetableMaxWeeks} weeks, so ending by {starts.AddDays(7 * Limits.ReducedTimetableMaxWeeks):d MMMM yyyy}; review it and start a new one if it must go on");
                }
                hours = request.HoursPerWeek is { } h && h >= 0.5m && h <= Limits.ReducedTimetableMaxHours ? decimal.Round(h, 1)
                    : throw new ValidationException($"give the hours a week on the reduced timetable, from 0.5 to {Limits.ReducedTimetableMaxHours}");
                break;
        }
        if (key is { } first && first < starts)
        {
            throw new ValidationException($"the date given ({first:d MMMM yyyy}) is before the plan starts ({starts:d MMMM yyyy})");
        }
        var now = access.Now;
        var plan = new SupportPlan
        {
            InstitutionId = v.InstitutionId,
            StudentId = request.StudentId,
            Kind = kind,
            OwnerStaffId = owner.Id,
            StartsOn = starts,
            EndsOn = SupportPlanKinds.EndOf(kind, starts, ends),
            HoursPerWeek = hours,
            Sections = "{}",
            CreatedAt = now,
            CreatedByStaffId = v.StaffId,
            UpdatedAt = now,
            UpdatedByStaffId = v.StaffId,
        };
        var db = access.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.SupportPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        db.SupportPlanVersions.Add(new SupportPlanVersion { PlanId = plan.Id, Number = 1, SavedAt = now, SavedByStaffId = v.StaffId, Sections = "{}" });
        foreach (var step in SupportPlanKinds.StepsFor(kind, starts, key, ends))
        {
            db.SupportPlanSteps.Add(new SupportPlanStep
            {
                PlanId = plan.Id,
                InstitutionId = plan.InstitutionId,
                StudentId = plan.StudentId,
                Kind = step.Kind,
                Title = step.Title,
                DueOn = step.DueOn,
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return plan.Id;
    }
}
