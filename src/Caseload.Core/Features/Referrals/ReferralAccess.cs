using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Referrals;

/// <summary>
/// Who reads and acts on referrals — the one place for it. A referral is routed by category: a general concern to the
/// student's tutor (their progress leader when the group has no tutor), wellbeing, counselling and outside-agency
/// referrals to the wellbeing team, learning support and careers to their teams, and safeguarding concerns to the
/// safeguarding team only. Who sees what:
/// <list type="bullet">
/// <item>a safeguarding concern: the safeguarding team, in full, every read audited; the referrer a receipt (category,
/// when, status) without the detail, not even their own words; nobody else knows it exists — not administrators;</item>
/// <item>any other referral: the person or team it is routed to, and whoever sees the student's pastoral record, in
/// full; the referrer sees what they wrote and its status.</item>
/// </list>
/// A referral someone may not see is "not found" (null / false).
/// </summary>
public sealed class ReferralAccess(CaseloadDbContext db, TimeProvider clock, AuditActor actor)
{
    public enum Level
    {
        None,
        /// <summary>The referrer of a referral they may not read: category, when, urgency and status only.</summary>
        Receipt,
        Full,
    }

    public CaseloadDbContext Db => db;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Who receives a referral of a category: a role (team), or null for the student's tutor.</summary>
    public static string? TeamOf(ReferralCategory category) => category switch
    {
        ReferralCategory.Safeguarding => Roles.SafeguardingLead,
        ReferralCategory.Wellbeing or ReferralCategory.Counsellor or ReferralCategory.ExternalAgency => Roles.Wellbeing,
        ReferralCategory.LearningSupport => Roles.LearningSupport,
        ReferralCategory.Careers => Roles.Careers,
        _ => null,
    };

    /// <summary>Referrals the viewer may read in full.</summary>
    public IQueryable<Referral> Readable(StudentScope scope)
    {
        var v = scope.Viewer;
        var me = v.StaffId;
        var roles = v.Roles.ToList();
        var safeguarding = v.May(Operation.ReadSafeguarding);
        var pastoral = scope.Pastoral(db).Select(s => s.Id);
        return db.Referrals.Where(r => r.InstitutionId == v.InstitutionId && r.DeletedAt == null
            && (r.Restricted ? safeguarding : (r.ToStaffId == me || (r.ToRole != null && roles.Contains(r.ToRole)) || pastoral.Contains(r.StudentId))));
    }

    /// <summary>Referrals routed to the viewer or one of their teams (what they must answer).</summary>
    public IQueryable<Referral> Received(StudentScope scope)
    {
        var me = scope.Viewer.StaffId;
        var roles = scope.Viewer.Roles.ToList();
        return Readable(scope).Where(r => r.ToStaffId == me || (r.ToRole != null && roles.Contains(r.ToRole)));
    }

    /// <summary>A student's referrals the viewer may read in full (for the profile's timeline), newest first; each
    /// restricted one read is audited here, once. <paramref name="view"/> is how the viewer sees the student (the caller
    /// has asked <see cref="StudentScope.ViewOfAsync"/>), so this reads one student's referrals rather than searching
    /// everyone the viewer looks after — the same rule as <see cref="Readable"/>.</summary>
    public async Task<IReadOnlyList<Referral>> ForStudentAsync(StudentScope scope, int studentId, StudentView view, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        var me = v.StaffId;
        var roles = v.Roles.ToList();
        var safeguarding = v.May(Operation.ReadSafeguarding);
        var pastoral = view == StudentView.Pastoral;
        var list = await db.Referrals.AsNoTracking()
            .Where(r => r.StudentId == studentId && r.InstitutionId == v.InstitutionId && r.DeletedAt == null
                && (r.Restricted ? safeguarding : (pastoral || r.ToStaffId == me || (r.ToRole != null && roles.Contains(r.ToRole)))))
            .OrderByDescending(r => r.RaisedAt).ToListAsync(ct);
        foreach (var r in list.Where(r => r.Restricted))
        {
            await AuditReadAsync(r, ct);
        }
        return list;
    }

    /// <summary>Who may act on a referral they can read: its person or team; for a concern routed to a person, also
    /// anyone with the student's pastoral record (a senior tutor covering an absent tutor); a restricted one, its team only.</summary>
    public async Task<bool> CanActAsync(StudentScope scope, Referral r, CancellationToken ct)
    {
        var v = scope.Viewer;
        if (r.Restricted)
        {
            return v.May(Operation.ReadSafeguarding);
        }
        if (r.ToStaffId == v.StaffId || (r.ToRole is { } role && v.Has(role)))
        {
            return true;
        }
        return r.ToStaffId is not null && await scope.Pastoral(db).AnyAsync(s => s.Id == r.StudentId, ct);
    }

    /// <summary>Applies a change to a referral the viewer may act on, against the version they saw.</summary>
    /// <returns>False when there is no such referral they may act on.</returns>
    public async Task<bool> ChangeAsync(StudentScope scope, long id, int expectedVersion, Action<Referral, DateTime> change, CancellationToken ct)
    {
        var r = await Readable(scope).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await CanActAsync(scope, r, ct))
        {
            return false;
        }
        db.Entry(r).Property(x => x.Version).OriginalValue = expectedVersion;
        change(r, Now);
        await VersionedSave.SaveAsync(db, "This referral", ct);
        return true;
    }

    /// <summary>A referral as its referrer sees it when they may not read it: no words, nobody's actions.</summary>
    public static Referral Receipt(Referral r) => new()
    {
        Id = r.Id,
        InstitutionId = r.InstitutionId,
        StudentId = r.StudentId,
        Category = r.Category,
        Urgency = r.Urgency,
        Restricted = r.Restricted,
        What = r.Restricted ? "" : r.What,
        RaisedByStaffId = r.RaisedByStaffId,
        RaisedAt = r.RaisedAt,
        ToStaffId = r.Restricted ? null : r.ToStaffId,
        ToRole = r.ToRole,
        Status = r.Status,
        AcknowledgedAt = r.AcknowledgedAt,
        ActedAt = r.ActedAt,
        ClosedAt = r.ClosedAt,
        Version = r.Version,
    };

    /// <summary>Records that the viewer read a restricted referral (an entry only the safeguarding team sees).</summary>
    public async Task AuditReadAsync(Referral r, CancellationToken ct)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = r.InstitutionId,
            At = Now,
            Actor = actor.Name,
            Action = AuditAction.Read,
            Entity = nameof(Referral),
            EntityId = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StudentId = r.StudentId,
            Changes = "{\"restricted\":true}",
            Restricted = true,
        });
        await db.SaveChangesAsync(ct);
    }
}
