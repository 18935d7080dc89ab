using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>
/// The tutor's part: signing off the predicted grades the teachers gave, and drafting sections 2 (extenuating
/// circumstances, with the student's consent; UCAS only) and 3 (supportive information) within UCAS's 4,000 characters for
/// the whole reference, section 1 included. "Ready" sends it to the senior tutor to check.
/// </summary>
public sealed class DraftReference(ReferenceAccess access)
{
    /// <returns>False when there is no such application the viewer drafts.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long id, int version, string? extenuating, string? supportive, bool ready, CancellationToken ct = default)
    {
        var a = await access.ForChangeAsync(scope, id, version, ct);
        if (a is null)
        {
            return false;
        }
        if (a.Status >= ReferenceStatus.Checked)
        {
            throw new ValidationException($"the reference is {ReferenceWords.Describe(a.Status).ToLowerInvariant()}; expected changes before it is checked");
        }
        var db = access.Db;
        var ucas = ReferenceWords.HasUcasSections(a.Route);
        var centre = ucas ? await db.ReferenceCycles.AsNoTracking().Where(c => c.Id == a.CycleId).Select(c => c.CentreStatement).FirstAsync(ct) : null;
        var section2 = ucas ? ReferenceAccess.Normalise(extenuating) : "";
        var section3 = ReferenceAccess.Normalise(supportive);
        var length = ReferenceAccess.Length(centre, section2, section3);
        if (length > Application.ReferenceLength)
        {
            throw new ValidationException($"the reference is {length:N0} characters with the centre's statement; expected at most {Application.ReferenceLength:N0}, spaces and line breaks included — {length - Application.ReferenceLength:N0} too many");
        }
        a.Extenuating = section2.Length == 0 ? null : section2;
        a.Supportive = section3.Length == 0 ? null : section3;
        if (ready)
        {
            if (a.Supportive is null)
            {
                throw new ValidationException("write section 3 (supportive information) before sending the reference to be checked");
            }
            if (a.PredictionsSignedOffAt is null && await db.Contributions.AnyAsync(c => c.ApplicationId == a.Id, ct))
            {
                throw new ValidationException("sign off the predicted grades before sending the reference to be checked");
            }
            a.Status = ReferenceStatus.Drafted;
            a.DraftedByStaffId = scope.Viewer.StaffId;
            a.DraftedAt = access.Now;
        }
        await VersionedSave.SaveAsync(db, "this reference", ct);
        return true;
    }

    /// <summary>The tutor enters a predicted grade for a course whose teacher has not replied (UCAS needs one for every
    /// qualification); the teacher's own prediction replaces it if they reply before the reference is drafted.</summary>
    public async Task<bool> PredictAsync(StudentScope scope, long id, int version, long contributionId, string? grade, CancellationToken ct = default)
    {
        var a = await access.ForChangeAsync(scope, id, version, ct);
        if (a is null)
        {
            return false;
        }
        if (a.Status >= ReferenceStatus.Drafted)
        {
            throw new ValidationException("the reference has been drafted; expected predictions before then");
        }
        var db = access.Db;
        var c = await db.Contributions.FirstOrDefaultAsync(x => x.Id == contributionId && x.ApplicationId == a.Id, ct) ?? throw new NotFoundException("the contribution");
        if (c.SubmittedAt is not null)
        {
            throw new ValidationException("the teacher has given their prediction; expected a course whose teacher has not replied");
        }
        var scale = await db.Enrolments.Where(e => e.Id == c.EnrolmentId).Select(e => e.Course!.GradeScaleId).FirstAsync(ct);
        var grades = await db.Grades.AsNoTracking().Where(g => g.GradeScaleId == scale).OrderByDescending(g => g.Rank).Select(g => g.Code).ToListAsync(ct);
        var text = (grade ?? "").Trim();
        c.PredictedGrade = grades.FirstOrDefault(g => string.Equals(g, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException($"predicted grade '{Shared.FreeText.Short(text)}' is not on the course's scale; expected one of {string.Join(", ", grades)}");
        c.PredictedByStaffId = scope.Viewer.StaffId;
        a.PredictionsSignedOffAt = null; // a changed prediction needs signing off again
        await VersionedSave.SaveAsync(db, "this reference", ct);
        return true;
    }

    /// <summary>The tutor agrees the predicted grades the teachers gave (every contribution must be in).</summary>
    public async Task<bool> SignOffPredictionsAsync(StudentScope scope, long id, int version, CancellationToken ct = default)
    {
        var a = await access.ForChangeAsync(scope, id, version, ct);
        if (a is null)
        {
            return false;
        }
        var db = access.Db;
        var missing = await db.Contributions.Where(c => c.ApplicationId == a.Id && c.PredictedGrade == null)
            .Join(db.Enrolments, c => c.EnrolmentId, e => e.Id, (c, e) => e.Course!.Name).ToListAsync(ct);
        if (missing.Count > 0)
        {
            throw new ValidationException($"no predicted grade yet for {string.Join(", ", missing.Order(StringComparer.Ordinal))}; expected every teacher's prediction first");
        }
        if (!await db.Contributions.AnyAsync(c => c.ApplicationId == a.Id, ct))
        {
            throw new ValidationException("no predicted grades to sign off: ask the subject teachers for their contributions first");
        }
        a.PredictionsSignedOffAt = access.Now;
        a.PredictionsSignedOffByStaffId = scope.Viewer.StaffId;
        await VersionedSave.SaveAsync(db, "this reference", ct);
        return true;
    }
}
