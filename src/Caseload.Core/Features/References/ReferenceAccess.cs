using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>
/// Who reads and writes references — the one place for it (decision 0021). A student's application and its drafts: their
/// tutor or senior tutor (WriteReferences, for students whose pastoral record they see); checking and releasing: the
/// student's senior tutor (CheckReferences); a contribution: the subject teacher asked for it, who sees that one alone,
/// and only while they teach the student the course. Nobody else — not administrators, not the student.
/// </summary>
public sealed class ReferenceAccess(CaseloadDbContext db, TimeProvider clock)
{
    public CaseloadDbContext Db => db;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => clock.Today();

    /// <summary>Applications the viewer may read and draft.</summary>
    public IQueryable<Application> Writable(StudentScope scope)
    {
        if (!scope.Viewer.May(Operation.WriteReferences))
        {
            return db.Applications.Where(a => false);
        }
        var students = scope.Pastoral(db).Select(s => s.Id);
        return db.Applications.Where(a => a.InstitutionId == scope.Viewer.InstitutionId && students.Contains(a.StudentId));
    }

    /// <summary>An application the viewer may draft, tracked, against the version they saw; null when there is none.</summary>
    public async Task<Application?> ForChangeAsync(StudentScope scope, long id, int version, CancellationToken ct)
    {
        var a = await Writable(scope).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is not null && a.Version != version)
        {
            throw new ConcurrencyException("this reference");
        }
        return a;
    }

    /// <summary>Whether the viewer is the student's senior tutor (who checks and releases their reference).</summary>
    public async Task<bool> MayCheckAsync(Viewer viewer, int studentId, CancellationToken ct) =>
        viewer.May(Operation.CheckReferences) && await SeniorTutors.Of(db, studentId).ContainsAsync(viewer.StaffId, ct);

    /// <summary>The whole reference as UCAS counts it: every section, spaces and line breaks included (a line break is one).</summary>
    public static int Length(string? centre, string? extenuating, string? supportive) =>
        new[] { centre, extenuating, supportive }.Sum(t => Normalise(t).Length);

    /// <summary>Line breaks as one character each, and no trailing space.</summary>
    public static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
