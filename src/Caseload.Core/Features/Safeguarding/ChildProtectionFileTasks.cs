using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>What the safeguarding team must do about child-protection files (for the inbox and the files' pages): leavers
/// whose file is to send, with KCSIE's deadline, and files sent whose acknowledgement is late.</summary>
public sealed class ChildProtectionFileTasks(ReferralAccess access)
{
    /// <summary>Children who have left (in the last year) with a safeguarding record whose file has not been sent or
    /// recorded as not to be sent, with the day it is due.</summary>
    public async Task<IReadOnlyList<TransferChildProtectionFile.ToSend>> ToSendAsync(Viewer v, DateOnly today, CancellationToken ct, int? studentId = null)
    {
        if (!v.Safeguarding.Team)
        {
            return [];
        }
        var db = access.Db;
        var since = today.AddDays(-365);
        var remit = access.SafeguardingStudents(v);
        var students = db.Students.AsNoTracking().Where(s => s.InstitutionId == v.InstitutionId && s.LeftOn != null && s.LeftOn <= today && s.LeftOn >= since);
        if (studentId is { } one)
        {
            students = students.Where(s => s.Id == one);
        }
        var rows = await students
            .Where(s => remit.Contains(s.Id)
                && (db.Referrals.Any(r => r.StudentId == s.Id && r.Restricted && r.DeletedAt == null) || db.SafeguardingEntries.Any(e => e.StudentId == s.Id)
                    || db.SafeguardingReceivedFiles.Any(f => f.StudentId == s.Id))
                && !db.SafeguardingTransfers.Any(t => t.StudentId == s.Id && (t.SentOn != null || t.NotSentReason != null))
                && !db.SafeguardingErasures.Any(x => x.StudentId == s.Id))
            .OrderBy(s => s.LeftOn).ThenBy(s => s.LastName).Take(200)
            .Select(s => new { s.Id, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code, LeftOn = s.LeftOn!.Value, s.LeavingReason })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var (terms, closures) = await CalendarAsync(v.InstitutionId, ct);
        return [.. rows.Select(r => new TransferChildProtectionFile.ToSend(r.Id, r.Name, r.Group, r.LeftOn, r.LeavingReason, SchoolDays.AddOpen(r.LeftOn, Limits.TransferSchoolDays, terms, closures)))];
    }

    /// <summary>Files sent and not acknowledged whose chase day has come (for the inbox).</summary>
    public async Task<IReadOnlyList<TransferChildProtectionFile.Sent>> ToChaseAsync(Viewer v, DateOnly today, CancellationToken ct) =>
        !v.Safeguarding.Team ? [] : [.. (await SentAsync(v, null, today, ct, unacknowledgedOnly: true)).Where(s => s.ChaseFrom <= today)];

    internal async Task<IReadOnlyList<TransferChildProtectionFile.Sent>> SentAsync(Viewer v, int? studentId, DateOnly today, CancellationToken ct, bool unacknowledgedOnly = false)
    {
        var db = access.Db;
        var remit = access.SafeguardingStudents(v);
        var transfers = db.SafeguardingTransfers.AsNoTracking().Where(t => t.InstitutionId == v.InstitutionId && remit.Contains(t.StudentId));
        if (studentId is { } one)
        {
            transfers = transfers.Where(t => t.StudentId == one);
        }
        if (unacknowledgedOnly)
        {
            transfers = transfers.Where(t => t.SentOn != null && t.AcknowledgedOn == null);
        }
        var rows = await transfers.OrderByDescending(t => t.PreparedAt).Take(200)
            .Select(t => new
            {
                t,
                Student = db.Students.Where(s => s.Id == t.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                By = db.Staff.Where(s => s.Id == t.PreparedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
            })
            .ToListAsync(ct);
        var (terms, closures) = rows.Any(r => r.t.SentOn is not null && r.t.AcknowledgedOn is null) ? await CalendarAsync(v.InstitutionId, ct) : ([], []);
        return [.. rows.Select(r => new TransferChildProtectionFile.Sent(r.t.Id, r.t.StudentId, r.Student, r.t.ToSchool, r.t.ToPerson, r.t.PreparedAt, r.By, r.t.SentOn, r.t.Method, r.t.AcknowledgedOn,
            r.t.AcknowledgedBy, r.t.AcknowledgedWithCode, r.t.NotSentReason, r.t.KeyFingerprint, r.t.Version)
        {
            ChaseFrom = r.t is { SentOn: { } on, AcknowledgedOn: null } ? SchoolDays.AddOpen(on, Limits.TransferChaseDays, terms, closures) : null,
        })];
    }

    private async Task<(List<(DateOnly, DateOnly)> Terms, List<(DateOnly, DateOnly)> Closures)> CalendarAsync(int institution, CancellationToken ct)
    {
        var db = access.Db;
        var terms = await db.AcademicYears.AsNoTracking().Where(y => y.InstitutionId == institution).SelectMany(y => y.Terms).Select(t => new { t.StartDate, t.EndDate }).ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking().Where(c => c.InstitutionId == institution).Select(c => new { c.StartDate, c.EndDate }).ToListAsync(ct);
        return ([.. terms.Select(t => (t.StartDate, t.EndDate))], [.. closures.Select(c => (c.StartDate, c.EndDate))]);
    }

}
