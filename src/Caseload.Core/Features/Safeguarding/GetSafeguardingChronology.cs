using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// A child's safeguarding chronology for the safeguarding team (<see cref="Operation.ReadSafeguarding"/>, within a deputy's
/// limits), a senior leader who broke the glass, or — only the concerns they may read — a trusted member of staff: every concern
/// reported about them with its details, and every decision and note recorded since, in the order things happened
/// (then the order they were recorded). Each concern shown is audited as read, once. Null for anyone else, and for a
/// student of another institution: nobody else learns that a record exists.
/// </summary>
/// <summary>How a viewer reaches a child's safeguarding chronology.</summary>
public enum ChronologyAccess
{
    /// <summary>The safeguarding team (lead, or a deputy whose remit holds the child): everything, to change.</summary>
    Team,

    /// <summary>A senior leader's break-glass: everything, to read.</summary>
    BreakGlass,

    /// <summary>A trusted member of staff: the concerns they reported or were shared, and the actions shared with them.</summary>
    Trusted,
}

public sealed class GetSafeguardingChronology(ReferralAccess access, BreakGlass breakGlass)
{
    public sealed record Concern(long ReferralId, DateOnly OccurredOn, TimeOnly? OccurredAt, DateTime RaisedAt, string RaisedBy, Urgency Urgency, ReferralStatus Status,
        string What, string? Place, string? Present, string? ChildsWords, string? Demeanour, IReadOnlyList<string> Categories, int Version)
    {
        public IReadOnlyList<Mark> Marks { get; init; } = [];

        /// <summary>For the team: the trusted staff this concern is shared with.</summary>
        public IReadOnlyList<string> SharedWith { get; init; } = [];

        /// <summary>For the team: the files kept with the concern.</summary>
        public IReadOnlyList<Attachment> Attachments { get; init; } = [];

        /// <summary>The other children involved, by name (on the record of the child it is about).</summary>
        public IReadOnlyList<string> OthersInvolved { get; init; } = [];

        /// <summary>On another child's record: the child the concern was recorded for (null on their own record).</summary>
        public string? RecordedFor { get; init; }

        /// <summary>On another child's record and not yet linked by the team: the date and categories only, no words, no names.</summary>
        public long? UnlinkedInvolvement { get; init; }
    }

    public sealed record Attachment(long Id, string FileName, int Size);

    /// <summary>A body-map mark, numbered in the order it was given, with where it is drawn on its side's outline.</summary>
    public sealed record Mark(int Number, BodySide Side, string Region, string Note, double X, double Y);

    /// <param name="Owner">An action's owner.</param>
    /// <param name="DueOn">An action's due date, or a monitoring period's review date (null: the monitoring ended).</param>
    public sealed record Entry(long Id, long? ReferralId, SafeguardingEntryKind Kind, SafeguardingDecision? Decision, DateOnly OccurredOn, DateTime RecordedAt, string By, string Text,
        string? Owner = null, DateOnly? DueOn = null, bool Shared = false, DateTime? DoneAt = null, string? DoneBy = null, string? DoneNote = null,
        string? Agency = null, string? Reference = null, bool? Consent = null);

    /// <summary>A senior leader's break-glass opening of the record, and whether the team has seen it.</summary>
    public sealed record Opening(long Id, string By, DateTime At, string Reason, DateTime? SeenAt);

    /// <summary>One line of the chronology: a concern reported, or an entry recorded.</summary>
    public sealed record Line(DateOnly On, DateTime Recorded, Concern? Concern, Entry? Entry);

    public sealed record Chronology(int StudentId, string Student, string? Group, DateOnly DateOfBirth, IReadOnlyList<Line> Lines)
    {
        /// <summary>How the viewer reaches the record: the team's to change, otherwise to read.</summary>
        public ChronologyAccess Access { get; init; }

        /// <summary>Read through a senior leader's break-glass or as a trusted member of staff: to read, not to change.</summary>
        public bool ReadOnly => Access != ChronologyAccess.Team;

        /// <summary>For the safeguarding team: every break-glass opening of this record, newest first.</summary>
        public IReadOnlyList<Opening> Openings { get; init; } = [];

        public int Open => Lines.Count(l => l.Concern is { Status: not ReferralStatus.Closed });

        /// <summary>The review date of the child's monitoring, when they are being monitored (the latest monitoring line's).</summary>
        public DateOnly? MonitoredUntil => Lines.Select(l => l.Entry).Where(e => e?.Kind == SafeguardingEntryKind.Monitoring).MaxBy(e => e!.Id)?.DueOn;
    }

    private sealed record SharedWith(long ReferralId, string Name);

    public async Task<Chronology?> HandleAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        var team = v.Safeguarding.Team && await access.SafeguardingStudents(v).ContainsAsync(studentId, ct);
        var glass = !team && await breakGlass.IsOpenAsync(v, studentId, ct);
        var trusted = !team && !glass && v.Safeguarding.Level == SafeguardingLevel.Trusted;
        if (!team && !glass && !trusted)
        {
            return null;
        }
        var db = access.Db;
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId && s.InstitutionId == scope.Viewer.InstitutionId)
            .Select(s => new { Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName, Group = s.TutorGroup == null ? null : s.TutorGroup.Code, s.DateOfBirth })
            .FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return null;
        }
        var readable = glass ? db.Referrals.Where(r => r.InstitutionId == v.InstitutionId && r.DeletedAt == null) : access.Readable(scope);
        // The child's own concerns, and those recorded for another child in which this child was involved.
        var concerns = await readable.AsNoTracking()
            .Where(r => r.Restricted && (r.StudentId == studentId || db.SafeguardingInvolvements.Any(i => i.ReferralId == r.Id && i.StudentId == studentId))).ToListAsync(ct);
        if (trusted && concerns.Count == 0)
        {
            return null; // a trusted member of staff learns nothing about a child none of whose concerns they may read
        }
        var ids = concerns.Select(c => c.Id).ToList();
        var details = await db.SafeguardingDetails.AsNoTracking().Where(d => ids.Contains(d.ReferralId)).ToDictionaryAsync(d => d.ReferralId, ct);
        var marks = (await db.SafeguardingBodyMarks.AsNoTracking().Where(m => ids.Contains(m.ReferralId)).OrderBy(m => m.Id).ToListAsync(ct)).ToLookup(m => m.ReferralId);
        // The team's entries within its remit; under break-glass all; a trusted member of staff only the actions shared with them.
        var me = v.StaffId;
        var entries = await (team ? access.ReadableEntries(v) : glass ? db.SafeguardingEntries.Where(e => e.InstitutionId == v.InstitutionId)
                : db.SafeguardingEntries.Where(e => e.InstitutionId == v.InstitutionId && e.OwnerStaffId == me && e.SharedWithOwner))
            .AsNoTracking().Where(e => e.StudentId == studentId).ToListAsync(ct);
        var staff = concerns.Select(c => c.RaisedByStaffId).Concat(entries.Select(e => e.RecordedByStaffId))
            .Concat(entries.Select(e => e.OwnerStaffId).OfType<int>()).Concat(entries.Select(e => e.DoneByStaffId).OfType<int>()).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => staff.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct);
        var shares = (!team ? [] : await db.SafeguardingShares.AsNoTracking().Where(x => ids.Contains(x.ReferralId))
            .Join(db.Staff, x => x.StaffId, s => s.Id, (x, s) => new SharedWith(x.ReferralId, s.FirstName + " " + s.LastName)).ToListAsync(ct))
            .ToLookup(x => x.ReferralId, x => x.Name);
        var involvements = await db.SafeguardingInvolvements.AsNoTracking().Where(i => ids.Contains(i.ReferralId))
            .Select(i => new { i.Id, i.ReferralId, i.StudentId, i.LinkedAt, Name = db.Students.Where(st => st.Id == i.StudentId).Select(st => (st.PreferredName ?? st.FirstName) + " " + st.LastName).First() })
            .ToListAsync(ct);
        var subjects = concerns.Where(c => c.StudentId != studentId).Select(c => c.StudentId).Distinct().ToList();
        var subjectNames = await db.Students.AsNoTracking().Where(st => subjects.Contains(st.Id))
            .ToDictionaryAsync(st => st.Id, st => (st.PreferredName ?? st.FirstName) + " " + st.LastName, ct);
        var attachments = (!team ? [] : await db.SafeguardingAttachments.AsNoTracking().Where(a => ids.Contains(a.ReferralId)).OrderBy(a => a.Id)
            .Select(a => new { a.ReferralId, File = new Attachment(a.Id, a.FileName, a.Size) }).ToListAsync(ct)).ToLookup(a => a.ReferralId, a => a.File);
        var lines = new List<Line>();
        foreach (var r in concerns)
        {
            var d = details.GetValueOrDefault(r.Id);
            var on = d?.OccurredOn ?? DateOnly.FromDateTime(r.RaisedAt);
            if (r.StudentId != studentId && involvements.FirstOrDefault(i => i.ReferralId == r.Id && i.StudentId == studentId) is { LinkedAt: null } unlinked)
            {
                // Involved, not linked: that something was recorded, when and about what; not the words, not the names.
                lines.Add(new Line(on, r.RaisedAt, new Concern(r.Id, on, null, r.RaisedAt, names.GetValueOrDefault(r.RaisedByStaffId, "a member of staff"), r.Urgency, r.Status,
                    "", null, null, null, null, d?.CategoryList ?? [], r.Version)
                {
                    UnlinkedInvolvement = unlinked.Id,
                }, null));
                continue;
            }
            lines.Add(new Line(on, r.RaisedAt, new Concern(r.Id, on, d?.OccurredAt, r.RaisedAt, names.GetValueOrDefault(r.RaisedByStaffId, "a member of staff"), r.Urgency, r.Status,
                r.What, d?.Place, d?.Present, d?.ChildsWords, d?.Demeanour, d?.CategoryList ?? [], r.Version)
            {
                Marks = [.. marks[r.Id].Select((m, i) => BodyMap.Find(m.Side, m.Region) is { } region && BodyMap.PointOf(region, m.Side) is var (x, y)
                    ? new Mark(i + 1, m.Side, m.Region, m.Note, x, y) : new Mark(i + 1, m.Side, m.Region, m.Note, 50, 110))],
                SharedWith = team ? [.. shares[r.Id]] : [],
                Attachments = [.. attachments[r.Id]],
                OthersInvolved = [.. involvements.Where(i => i.ReferralId == r.Id && i.StudentId != studentId).Select(i => i.Name)],
                RecordedFor = r.StudentId == studentId ? null : subjectNames.GetValueOrDefault(r.StudentId, "another child"),
            }, null));
            await access.AuditReadAsync(r, ct);
        }
        lines.AddRange(entries.Select(e => new Line(e.OccurredOn, e.RecordedAt, null,
            new Entry(e.Id, e.ReferralId, e.Kind, e.Decision, e.OccurredOn, e.RecordedAt, names.GetValueOrDefault(e.RecordedByStaffId, "a member of staff"), e.Text,
                e.OwnerStaffId is { } o ? names.GetValueOrDefault(o) : null, e.DueOn, e.SharedWithOwner, e.DoneAt, e.DoneByStaffId is { } d ? names.GetValueOrDefault(d) : null, e.DoneNote,
                e.Agency, e.Reference, e.Consent))));
        var openings = !team ? [] : await db.SafeguardingBreakGlass.AsNoTracking().Where(b => b.StudentId == studentId && b.InstitutionId == v.InstitutionId)
            .OrderByDescending(b => b.OpenedAt)
            .Select(b => new Opening(b.Id, db.Staff.Where(x => x.Id == b.StaffId).Select(x => x.FirstName + " " + x.LastName).First(), b.OpenedAt, b.Reason, b.SeenAt))
            .ToListAsync(ct);
        return new Chronology(studentId, student.Name, student.Group, student.DateOfBirth, [.. lines.OrderBy(l => l.On).ThenBy(l => l.Recorded)])
        {
            Access = team ? ChronologyAccess.Team : glass ? ChronologyAccess.BreakGlass : ChronologyAccess.Trusted,
            Openings = openings,
        };
    }
}
