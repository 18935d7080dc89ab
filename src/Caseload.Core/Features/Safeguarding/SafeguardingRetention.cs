using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The retention rule for child-protection records (default: date of birth + 25 years, then review). <c>report</c> lists,
/// without changing anything, every child who has left and whose record is past the rule; <c>apply</c> erases those
/// records' content — the words, categories, body marks, files, shares, reasons and child-protection files sent or received — and keeps a stub with the dates. Both are
/// the designated lead's, and both are audited (restricted entries).
/// </summary>
public sealed class SafeguardingRetention(ReferralAccess access, TimeProvider clock)
{
    public sealed record Due(int StudentId, string ExternalId, string Name, DateOnly DateOfBirth, DateOnly PastRuleOn, int Concerns, int Entries);

    /// <returns>Null for anyone but the designated lead.</returns>
    public async Task<IReadOnlyList<Due>?> ReportAsync(StudentScope scope, int? years, CancellationToken ct = default)
    {
        if (!scope.Viewer.May(Operation.ManageSafeguardingAccess))
        {
            return null;
        }
        var rule = Rule(years);
        var due = await DueAsync(scope.Viewer.InstitutionId, rule, ct);
        await AuditAsync(scope, "report", rule, due.Count, ct);
        return due;
    }

    /// <returns>The children whose records were erased; null for anyone but the designated lead.</returns>
    public async Task<IReadOnlyList<Due>?> ApplyAsync(StudentScope scope, int? years, CancellationToken ct = default)
    {
        if (!scope.Viewer.May(Operation.ManageSafeguardingAccess))
        {
            return null;
        }
        var rule = Rule(years);
        var db = access.Db;
        var due = await DueAsync(scope.Viewer.InstitutionId, rule, ct);
        var today = clock.Today();
        var stub = $"(erased under the retention rule, date of birth + {rule} years, on {today:d MMMM yyyy})";
        var ids = due.Select(d => d.StudentId).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var r in await db.Referrals.Where(r => ids.Contains(r.StudentId) && r.Restricted).ToListAsync(ct))
        {
            r.What = stub;
        }
        foreach (var d in await db.SafeguardingDetails.Where(d => ids.Contains(d.StudentId)).ToListAsync(ct))
        {
            (d.Place, d.Present, d.ChildsWords, d.Demeanour, d.Categories) = (null, null, null, null, "");
        }
        foreach (var e in await db.SafeguardingEntries.Where(e => ids.Contains(e.StudentId)).ToListAsync(ct))
        {
            (e.Text, e.DoneNote, e.Agency, e.Reference, e.Consent, e.Decision) = (stub, null, null, null, null, null);
        }
        db.SafeguardingBodyMarks.RemoveRange(await db.SafeguardingBodyMarks.Where(m => ids.Contains(m.StudentId)).ToListAsync(ct));
        db.SafeguardingAttachments.RemoveRange(await db.SafeguardingAttachments.Where(a => ids.Contains(a.StudentId)).ToListAsync(ct));
        db.SafeguardingShares.RemoveRange(await db.SafeguardingShares.Where(s => db.Referrals.Any(r => r.Id == s.ReferralId && ids.Contains(r.StudentId))).ToListAsync(ct));
        foreach (var t in await db.SafeguardingTransfers.Where(t => ids.Contains(t.StudentId)).ToListAsync(ct))
        {
            (t.Bundle, t.Pdf, t.ReceiptHash, t.NotSentReason) = (null, null, null, t.NotSentReason is null ? null : stub);
        }
        foreach (var f in await db.SafeguardingReceivedFiles.Where(f => ids.Contains(f.StudentId)).ToListAsync(ct))
        {
            (f.Content, f.ReceiptCode) = ([], "");
        }
        foreach (var b in await db.SafeguardingBreakGlass.Where(b => ids.Contains(b.StudentId)).ToListAsync(ct))
        {
            b.Reason = stub;
        }
        db.SafeguardingErasures.AddRange(ids.Select(id => new SafeguardingErasure
        {
            InstitutionId = scope.Viewer.InstitutionId,
            StudentId = id,
            ErasedOn = today,
            ByStaffId = scope.Viewer.StaffId,
            Years = rule,
        }));
        await db.SaveChangesAsync(ct);
        await AuditAsync(scope, "apply", rule, due.Count, ct);
        await transaction.CommitAsync(ct);
        return due;
    }

    private static int Rule(int? years)
    {
        var rule = years ?? Limits.RetentionYearsDefault;
        return rule is >= Limits.RetentionYearsMinimum and <= Limits.RetentionYearsMaximum ? rule
            : throw new ValidationException($"{rule} years is outside the rule's range; expected {Limits.RetentionYearsMinimum} to {Limits.RetentionYearsMaximum} (the default is {Limits.RetentionYearsDefault})");
    }

    /// <summary>Children who have left, born on or before today minus the rule, with a safeguarding record not yet erased.</summary>
    private async Task<List<Due>> DueAsync(int institution, int years, CancellationToken ct)
    {
        var db = access.Db;
        var bornBy = clock.Today().AddYears(-years);
        var rows = await db.Students.AsNoTracking()
            .Where(s => s.InstitutionId == institution && !s.OnRoll && s.DateOfBirth <= bornBy && !db.SafeguardingErasures.Any(x => x.StudentId == s.Id)
                && (db.Referrals.Any(r => r.StudentId == s.Id && r.Restricted) || db.SafeguardingEntries.Any(e => e.StudentId == s.Id) || db.SafeguardingReceivedFiles.Any(f => f.StudentId == s.Id)))
            .OrderBy(s => s.DateOfBirth).ThenBy(s => s.ExternalId)
            .Select(s => new
            {
                s.Id,
                s.ExternalId,
                Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName,
                s.DateOfBirth,
                Concerns = db.Referrals.Count(r => r.StudentId == s.Id && r.Restricted),
                Entries = db.SafeguardingEntries.Count(e => e.StudentId == s.Id),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Due(r.Id, r.ExternalId, r.Name, r.DateOfBirth, r.DateOfBirth.AddYears(years), r.Concerns, r.Entries))];
    }

    private async Task AuditAsync(StudentScope scope, string what, int years, int children, CancellationToken ct)
    {
        access.Db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = scope.Viewer.InstitutionId,
            At = access.Now,
            Actor = $"staff:{scope.Viewer.StaffId}",
            Action = what == "report" ? AuditAction.Read : AuditAction.Delete,
            Entity = "SafeguardingRetention",
            EntityId = what,
            Changes = $"{{\"years\":{years},\"children\":{children}}}",
            Restricted = true,
        });
        await access.Db.SaveChangesAsync(ct);
    }
}
