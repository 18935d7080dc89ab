using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Casework;

/// <summary>
/// Referrals and concerns. Any member of staff raises one about a student they can see (pastoral or teaching view). It is
/// routed by category: a general concern to the student's tutor (their progress leader when the group has no tutor),
/// wellbeing, counselling and outside-agency referrals to the wellbeing team, learning support and careers to their teams,
/// and safeguarding concerns to the safeguarding team only. The receiver acknowledges, acts and closes it; response
/// times are the gaps between those moments. Who sees what (the one place for referrals):
/// <list type="bullet">
/// <item>a safeguarding concern: the safeguarding team, in full, every read audited; the referrer a receipt (category,
/// when, status) without the detail, not even their own words; nobody else knows it exists — not administrators;</item>
/// <item>any other referral: the person or team it is routed to, and whoever sees the student's pastoral record, in
/// full; the referrer sees what they wrote and its status.</item>
/// </list>
/// A referral someone may not see is "not found" (null / false).
/// </summary>
public sealed class Referrals(CaseloadDbContext db, TimeProvider clock, AuditActor actor, Notifications.Notifier? notifier = null)
{
    public enum Access
    {
        None,
        /// <summary>The referrer of a referral they may not read: category, when, urgency and status only.</summary>
        Receipt,
        Full,
    }

    /// <summary>Who receives a referral of a category: a role (team), or null for the student's tutor.</summary>
    public static string? TeamOf(ReferralCategory category) => category switch
    {
        ReferralCategory.Safeguarding => Roles.SafeguardingLead,
        ReferralCategory.Wellbeing or ReferralCategory.Counsellor or ReferralCategory.ExternalAgency => Roles.Wellbeing,
        ReferralCategory.LearningSupport => Roles.LearningSupport,
        ReferralCategory.Careers => Roles.Careers,
        _ => null,
    };

    public static string Describe(ReferralCategory category) => category switch
    {
        ReferralCategory.Concern => "Concern for the tutor",
        ReferralCategory.Wellbeing => "Wellbeing",
        ReferralCategory.LearningSupport => "Learning support",
        ReferralCategory.Careers => "Careers",
        ReferralCategory.Counsellor => "Counsellor",
        ReferralCategory.ExternalAgency => "Outside agency",
        _ => "Safeguarding concern",
    };

    public static string Describe(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "Urgent (today)",
        Urgency.Soon => "Soon (within two days)",
        _ => "Routine (this week)",
    };

    public static string Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.Raised => "Waiting to be acknowledged",
        ReferralStatus.Acknowledged => "Acknowledged",
        ReferralStatus.ActedOn => "Acted on",
        _ => "Closed",
    };

    public static string TeamName(string? role) => role switch
    {
        Roles.SafeguardingLead => "the safeguarding team",
        Roles.Wellbeing => "the wellbeing team",
        Roles.LearningSupport => "learning support",
        Roles.Careers => "the careers team",
        Roles.SeniorLeader => "senior leaders",
        _ => role ?? "",
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

    public sealed record Raise(int StudentId, ReferralCategory Category, Urgency Urgency, string What);

    /// <returns>The referral, or null when the viewer may not see the student at all.</returns>
    public async Task<Referral?> RaiseAsync(StudentScope scope, Raise request, CancellationToken ct = default)
    {
        var student = await scope.Visible(db).AsNoTracking().Where(s => s.Id == request.StudentId)
            .Select(s => new
            {
                s.Id,
                s.InstitutionId,
                Tutor = s.TutorGroup == null ? null : s.TutorGroup.TutorStaffId,
                Leader = s.YearGroup!.ProgressLeaderStaffId,
            })
            .FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        if (!Enum.IsDefined(request.Category))
        {
            throw new ValidationException("choose what kind of referral this is");
        }
        var team = TeamOf(request.Category);
        int? person = team is null ? student.Tutor ?? student.Leader : null;
        var referral = new Referral
        {
            InstitutionId = student.InstitutionId,
            StudentId = student.Id,
            Category = request.Category,
            Urgency = request.Urgency,
            Restricted = request.Category == ReferralCategory.Safeguarding,
            What = Text(request.What, "what happened"),
            RaisedByStaffId = scope.Viewer.StaffId,
            RaisedAt = clock.GetUtcNow().UtcDateTime,
            ToStaffId = person,
            ToRole = team ?? (person is null ? Roles.SeniorLeader : null),
            Status = ReferralStatus.Raised,
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        if (notifier is not null)
        {
            await notifier.ReferralAsync(referral, ct);
        }
        return referral;
    }

    public sealed record View(Referral Referral, Access Access, string Student, string? StudentGroup, string RaisedBy, string To, bool CanAct,
        IReadOnlyDictionary<int, string> People)
    {
        public TimeSpan? ToAcknowledge => Referral.AcknowledgedAt - Referral.RaisedAt;
        public TimeSpan? ToAct => Referral.ActedAt - Referral.RaisedAt;
        public TimeSpan? ToClose => Referral.ClosedAt - Referral.RaisedAt;
        public string? Name(int? staffId) => staffId is { } id && People.TryGetValue(id, out var n) ? n : null;
    }

    /// <summary>One referral as the viewer may see it (a read of a restricted one is audited); null when they may not.</summary>
    public async Task<View?> GetAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var full = await Readable(scope).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var r = full ?? await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.DeletedAt == null
            && r.InstitutionId == scope.Viewer.InstitutionId && r.RaisedByStaffId == scope.Viewer.StaffId, ct);
        if (r is null)
        {
            return null;
        }
        var access = full is null ? Access.Receipt : Access.Full;
        if (access == Access.Receipt)
        {
            r = Receipt(r);
        }
        var student = await db.Students.AsNoTracking().Where(s => s.Id == r.StudentId)
            .Select(s => new { Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code })
            .FirstAsync(ct);
        var ids = new[] { r.RaisedByStaffId, r.ToStaffId, r.AcknowledgedByStaffId, r.ActedByStaffId, r.ClosedByStaffId }.OfType<int>().Distinct().ToList();
        var people = await db.Staff.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var to = r.ToStaffId is { } p ? people.GetValueOrDefault(p, "the tutor") : TeamName(r.ToRole);
        if (r.Restricted && access == Access.Full)
        {
            await AuditReadAsync(r, ct);
        }
        return new View(r, access, student.Name, student.Group, people.GetValueOrDefault(r.RaisedByStaffId, "a member of staff"), to,
            access == Access.Full && await CanActAsync(scope, r, ct), people);
    }

    public sealed record Line(long Id, int StudentId, string Student, ReferralCategory Category, Urgency Urgency, ReferralStatus Status,
        DateTime RaisedAt, string RaisedBy, string? What, DateTime? AcknowledgedAt, DateTime? ActedAt);

    public sealed record Lists(IReadOnlyList<Line> Received, IReadOnlyList<Line> RaisedByYou);

    /// <summary>What was routed to the viewer (open, and closed in the last 30 days) and what they raised (last 120 days).
    /// Lists never show a restricted referral's words; its page does (and that read is audited).</summary>
    public async Task<Lists> ListAsync(StudentScope scope, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var received = await Lines(Received(scope).Where(r => r.Status != ReferralStatus.Closed || r.ClosedAt >= since), ct);
        var me = scope.Viewer.StaffId;
        var raisedSince = clock.GetUtcNow().UtcDateTime.AddDays(-120);
        var mine = await Lines(db.Referrals.Where(r => r.RaisedByStaffId == me && r.InstitutionId == scope.Viewer.InstitutionId && r.DeletedAt == null && r.RaisedAt >= raisedSince), ct);
        return new Lists(received, mine);
    }

    /// <summary>A student's referrals the viewer may read in full (for the timeline), newest first.</summary>
    public async Task<IReadOnlyList<Referral>> ForStudentAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        var list = await Readable(scope).AsNoTracking().Where(r => r.StudentId == studentId).OrderByDescending(r => r.RaisedAt).ToListAsync(ct);
        foreach (var r in list.Where(r => r.Restricted))
        {
            await AuditReadAsync(r, ct);
        }
        return list;
    }

    private async Task<List<Line>> Lines(IQueryable<Referral> query, CancellationToken ct) =>
        await query.AsNoTracking().OrderBy(r => r.Status == ReferralStatus.Closed).ThenByDescending(r => r.Urgency).ThenByDescending(r => r.RaisedAt).Take(300)
            .Select(r => new Line(r.Id, r.StudentId,
                db.Students.Where(s => s.Id == r.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                r.Category, r.Urgency, r.Status, r.RaisedAt,
                db.Staff.Where(s => s.Id == r.RaisedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                r.Restricted ? null : r.What, r.AcknowledgedAt, r.ActedAt))
            .ToListAsync(ct);

    public Task<bool> AcknowledgeAsync(StudentScope scope, long id, int expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(scope, id, expectedVersion, (r, now) =>
        {
            if (r.Status != ReferralStatus.Raised)
            {
                throw new ValidationException("the referral has already been acknowledged");
            }
            (r.Status, r.AcknowledgedAt, r.AcknowledgedByStaffId) = (ReferralStatus.Acknowledged, now, scope.Viewer.StaffId);
        }, ct);

    /// <summary>Records what was done (acknowledging it too, if nobody had).</summary>
    public Task<bool> ActAsync(StudentScope scope, long id, int expectedVersion, string actionTaken, CancellationToken ct = default) =>
        ChangeAsync(scope, id, expectedVersion, (r, now) =>
        {
            var text = Text(actionTaken, "what was done");
            if (r.Status == ReferralStatus.Closed)
            {
                throw new ValidationException("the referral is closed");
            }
            if (r.AcknowledgedAt is null)
            {
                (r.AcknowledgedAt, r.AcknowledgedByStaffId) = (now, scope.Viewer.StaffId);
            }
            r.ActionTaken = r.ActionTaken is null ? text : $"{r.ActionTaken}\n{now:d MMM yyyy}: {text}";
            r.ActedAt ??= now;
            r.ActedByStaffId ??= scope.Viewer.StaffId;
            r.Status = ReferralStatus.ActedOn;
        }, ct);

    public Task<bool> CloseAsync(StudentScope scope, long id, int expectedVersion, string outcome, CancellationToken ct = default) =>
        ChangeAsync(scope, id, expectedVersion, (r, now) =>
        {
            if (r.Status == ReferralStatus.Closed)
            {
                throw new ValidationException("the referral is already closed");
            }
            r.Outcome = Text(outcome, "the outcome");
            r.AcknowledgedAt ??= now;
            r.AcknowledgedByStaffId ??= scope.Viewer.StaffId;
            (r.Status, r.ClosedAt, r.ClosedByStaffId) = (ReferralStatus.Closed, now, scope.Viewer.StaffId);
        }, ct);

    /// <summary>Who may act on a referral they can read: its person or team; for a concern routed to a person, also
    /// anyone with the student's pastoral record (a senior tutor covering an absent tutor); a restricted one, its team only.</summary>
    private async Task<bool> CanActAsync(StudentScope scope, Referral r, CancellationToken ct)
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

    private async Task<bool> ChangeAsync(StudentScope scope, long id, int expectedVersion, Action<Referral, DateTime> change, CancellationToken ct)
    {
        var r = await Readable(scope).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !await CanActAsync(scope, r, ct))
        {
            return false;
        }
        db.Entry(r).Property(x => x.Version).OriginalValue = expectedVersion;
        change(r, clock.GetUtcNow().UtcDateTime);
        await VersionedSave.SaveAsync(db, "This referral", ct);
        return true;
    }

    /// <summary>A referral as its referrer sees it when they may not read it: no words, nobody's actions.</summary>
    private static Referral Receipt(Referral r) => new()
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

    private async Task AuditReadAsync(Referral r, CancellationToken ct)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = r.InstitutionId,
            At = clock.GetUtcNow().UtcDateTime,
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

    internal static string Text(string? text, string what, int max = Cases.TextLength)
    {
        var t = text?.Trim() ?? "";
        return t.Length == 0 ? throw new ValidationException($"write {what}")
            : t.Length > max ? throw new ValidationException($"{what} is {t.Length} characters; expected at most {max}") : t;
    }
}
