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
/// <item>a safeguarding concern: the safeguarding team (the lead, and deputies within their categories and year groups),
/// in full, every read audited; a trusted member of staff the concerns they reported and those shared with them; any
/// other referrer a receipt (category, when, status) without the detail, not even their own words; nobody else knows
/// it exists — not administrators (decisions 0014, 0015);</item>
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

    public DateOnly Today => clock.Today();

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
        var pastoral = scope.Pastoral(db).Select(s => s.Id);
        return db.Referrals.Where(r => r.InstitutionId == v.InstitutionId && r.DeletedAt == null
            && (r.Restricted || r.ToStaffId == me || (r.ToRole != null && roles.Contains(r.ToRole)) || pastoral.Contains(r.StudentId)))
            .Where(ConcernReadable(v));
    }

    /// <summary>
    /// Which safeguarding concerns (restricted referrals) the viewer may read in full, as a condition true for every other
    /// referral: the lead all; a deputy those about students in their year groups with one of their categories; a
    /// trusted member of staff those they reported and those shared with them; anyone else none.
    /// </summary>
    public System.Linq.Expressions.Expression<Func<Referral, bool>> ConcernReadable(Viewer v)
    {
        var remit = v.Safeguarding;
        var me = v.StaffId;
        if (remit.Team && !remit.Limited)
        {
            return r => true;
        }
        if (remit.Team)
        {
            var anyYear = remit.YearGroupIds is null;
            var years = remit.YearGroupIds ?? [];
            var anyCategory = remit.Categories is null;
            var categories = (remit.Categories ?? []).Select(c => "\n" + c + "\n").ToList();
            return r => !r.Restricted || ((anyYear || db.Students.Any(s => s.Id == r.StudentId && years.Contains(s.YearGroupId)))
                && (anyCategory || db.SafeguardingDetails.Any(d => d.ReferralId == r.Id && categories.Any(c => ("\n" + d.Categories + "\n").Contains(c)))));
        }
        if (remit.Level == SafeguardingLevel.Trusted)
        {
            return r => !r.Restricted || r.RaisedByStaffId == me || db.SafeguardingShares.Any(x => x.ReferralId == r.Id && x.StaffId == me);
        }
        return r => !r.Restricted;
    }

    /// <summary>The students whose safeguarding record a member of the team may work on: every student for the lead and an
    /// unlimited deputy; for a limited deputy, students in their year groups (with a concern of their categories, when
    /// limited by category). Empty for anyone outside the team.</summary>
    public IQueryable<int> SafeguardingStudents(Viewer v)
    {
        var remit = v.Safeguarding;
        var students = db.Students.Where(s => s.InstitutionId == v.InstitutionId);
        if (!remit.Team)
        {
            return students.Where(s => false).Select(s => s.Id);
        }
        if (remit.YearGroupIds is { } years)
        {
            students = students.Where(s => years.Contains(s.YearGroupId));
        }
        if (remit.Categories is not null)
        {
            var concerns = db.Referrals.Where(r => r.Restricted && r.DeletedAt == null && r.InstitutionId == v.InstitutionId).Where(ConcernReadable(v));
            students = students.Where(s => concerns.Any(r => r.StudentId == s.Id));
        }
        return students.Select(s => s.Id);
    }

    /// <summary>Chronology entries (decisions, notes, actions…) a member of the team may read: those of students in their
    /// remit that belong to a concern they may read or to no concern.</summary>
    public IQueryable<SafeguardingEntry> ReadableEntries(Viewer v)
    {
        var entries = db.SafeguardingEntries.Where(e => e.InstitutionId == v.InstitutionId);
        if (!v.Safeguarding.Team)
        {
            return entries.Where(e => false);
        }
        if (!v.Safeguarding.Limited)
        {
            return entries;
        }
        var students = SafeguardingStudents(v);
        var concerns = db.Referrals.Where(r => r.Restricted && r.DeletedAt == null && r.InstitutionId == v.InstitutionId).Where(ConcernReadable(v)).Select(r => r.Id);
        return entries.Where(e => students.Contains(e.StudentId) && (e.ReferralId == null || concerns.Contains(e.ReferralId.Value)));
    }

    /// <summary>Referrals routed to the viewer or one of their teams (what they must answer).</summary>
    public IQueryable<Referral> Received(StudentScope scope)
    {
        var me = scope.Viewer.StaffId;
        var roles = scope.Viewer.Roles.ToList();
        var team = scope.Viewer.Safeguarding.Team;
        return Readable(scope).Where(r => r.ToStaffId == me || (r.ToRole != null && roles.Contains(r.ToRole)) || (r.Restricted && team));
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
        var pastoral = view == StudentView.Pastoral;
        var list = await db.Referrals.AsNoTracking()
            .Where(r => r.StudentId == studentId && r.InstitutionId == v.InstitutionId && r.DeletedAt == null
                && (r.Restricted || pastoral || r.ToStaffId == me || (r.ToRole != null && roles.Contains(r.ToRole))))
            .Where(ConcernReadable(v))
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
            return v.Safeguarding.Team; // a trusted member of staff reads, the team acts
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
        if (!r.Restricted)
        {
            await Analytics.StudentSummaries.CaseworkChangedAsync(db, r.InstitutionId, r.StudentId, Today, Now, ct);
        }
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
