using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Destinations;

/// <summary>
/// What a student did after leaving — added, corrected or removed: the kind (university, college, apprenticeship, job, not
/// in education or work, other), where, from and to. The dates are checked: the start within six years before today and a
/// year after it (a place already accepted), the end not before the start.
/// </summary>
public sealed class RecordActivity(DestinationAccess access)
{
    public sealed record Input(DestinationKind Kind, string? Provider, string? Detail, DateOnly From, DateOnly? To);

    private const int YearsBack = DestinationActivity.YearsBack;

    public async Task<DestinationActivity> HandleAsync(StudentScope scope, int studentId, long? activityId, int version, Input input, CancellationToken ct = default)
    {
        var student = await access.StudentAsync(scope, studentId, ct);
        var db = access.Db;
        if (!Enum.IsDefined(input.Kind))
        {
            throw new ValidationException("choose what the student is doing: higher education, further education, other education, apprenticeship, employment, not in education or work, or other");
        }
        var today = access.Today;
        if (input.From < today.AddYears(-YearsBack) || input.From > today.AddYears(1))
        {
            throw new ValidationException($"the start {input.From:d MMMM yyyy} is out of range; expected a date from {today.AddYears(-YearsBack):d MMMM yyyy} to {today.AddYears(1):d MMMM yyyy}");
        }
        if (input.To is { } to && (to < input.From || to > today.AddYears(YearsBack)))
        {
            throw new ValidationException(to < input.From
                ? $"the end {to:d MMMM yyyy} is before the start {input.From:d MMMM yyyy}; expected the last day on or after the first"
                : $"the end {to:d MMMM yyyy} is too far ahead; expected a date by {today.AddYears(YearsBack):d MMMM yyyy}, or none while it continues");
        }
        var provider = FreeText.Optional(input.Provider, "where (the university, college or employer)", DestinationActivity.ProviderLength);
        var detail = FreeText.Optional(input.Detail, "the course or role", DestinationActivity.DetailLength);

        DestinationActivity activity;
        if (activityId is { } id)
        {
            activity = await db.DestinationActivities.FirstOrDefaultAsync(a => a.Id == id && a.StudentId == student.Id, ct)
                ?? throw new NotFoundException("the destination");
            if (activity.Version != version)
            {
                throw await VersionedSave.LostToAsync(db, "this destination", activity.UpdatedBy, activity.UpdatedAt, ct);
            }
        }
        else
        {
            var count = await db.DestinationActivities.CountAsync(a => a.StudentId == student.Id, ct);
            if (count >= DestinationActivity.MaxPerStudent)
            {
                throw new ValidationException($"the student has {count} destinations recorded; expected at most {DestinationActivity.MaxPerStudent}");
            }
            activity = new DestinationActivity { InstitutionId = student.InstitutionId, StudentId = student.Id, RecordedByStaffId = scope.Viewer.StaffId };
            db.DestinationActivities.Add(activity);
        }
        activity.Kind = input.Kind;
        activity.Provider = provider;
        activity.Detail = detail;
        activity.From = input.From;
        activity.To = input.To;
        activity.UpdatedAt = access.Now;
        activity.UpdatedBy = DestinationAccess.By(scope.Viewer);
        await VersionedSave.SaveAsync(db, "this destination", ct);
        return activity;
    }

    /// <summary>Removes a destination entered in error.</summary>
    public async Task RemoveAsync(StudentScope scope, int studentId, long activityId, int version, CancellationToken ct = default)
    {
        var student = await access.StudentAsync(scope, studentId, ct);
        var db = access.Db;
        var activity = await db.DestinationActivities.FirstOrDefaultAsync(a => a.Id == activityId && a.StudentId == student.Id, ct)
            ?? throw new NotFoundException("the destination");
        if (activity.Version != version)
        {
            throw await VersionedSave.LostToAsync(db, "this destination", activity.UpdatedBy, activity.UpdatedAt, ct);
        }
        db.DestinationActivities.Remove(activity);
        await VersionedSave.SaveAsync(db, "this destination", ct);
    }
}
