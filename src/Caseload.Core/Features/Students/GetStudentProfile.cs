using System.Globalization;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Caseload.Core.Features.Students;

/// <summary>
/// One student's profile, as much as the viewer may see: null when they may not see the student at all (pages
/// answer 404, so existence does not leak); academic data only for a subject teacher. Every read is audited.
/// </summary>
public sealed class GetStudentProfile(CaseloadDbContext db, TimeProvider clock, Features.Institutions.ReferenceData reference, Referrals.ReferralAccess referrals,
    ReadContexts? reads = null)
{
    public sealed record Header(int Id, string ExternalId, string Name, string? Upn, DateOnly DateOfBirth, string Year, string? TutorGroup, string? Tutor, IReadOnlyList<string> Flags)
    {
        /// <summary>The last day on roll of a student who has left (or is leaving), and why.</summary>
        public DateOnly? LeftOn { get; init; }
        public string? LeavingReason { get; init; }
        /// <summary>A photo was imported (served at /students/{id}/photo to those who may see the student).</summary>
        public bool HasPhoto { get; init; }

        public string Initials => Domain.Student.InitialsOf(Name);
    }
    public sealed record Contact(string Name, string Relationship, string? Phone, string? Email, bool ParentalResponsibility,
        int Id = 0, int Version = 0, string? Address = null, bool LivesWithStudent = false, string? PreferredMethod = null, bool NoContact = false, bool EnteredHere = false);
    /// <summary>A week's figures (from its stored summary), by the rules of <see cref="AttendanceFigures"/>.</summary>
    public sealed record Week(DateOnly Start, AttendanceFigures Figures)
    {
        public int Possible => Figures.Possible;
        public int Attended => Figures.Attended;
        public int Authorised => Figures.AuthorisedAbsence;
        public int Unauthorised => Figures.UnauthorisedAbsence;
        public int Lates => Figures.Lates;
        public decimal? Percent => Figures.AttendancePercent;
    }
    public sealed record Mark(DateOnly Date, string Session, string Code, int? MinutesLate);
    public sealed record CodeMeaning(string Code, string Description, AttendanceMeaning Meaning);
    /// <summary>A grade at a data point, against the target (grades above + or below −) and the change since the data point before.</summary>
    public sealed record GradeAt(string DataPoint, DateOnly Date, string Grade, DateTime RecordedAt, int? Gap = null, string? Change = null, int? Effort = null, string? Comment = null);
    public sealed record Subject(int EnrolmentId, string Course, string Qualification, string? Teacher, string? Target, string? Aspirational,
        IReadOnlyList<string> ScaleGrades, IReadOnlyList<GradeAt> Grades, string? Latest, int? Gap, string? Ended = null)
    {
        /// <summary>Above, on or below target, by how many grades of the course's scale, and the change since the last data point.</summary>
        public string Status => Ended ?? (Gap is not { } gap ? (Latest is null ? "No grade yet" : "No target")
            : (gap == 0 ? "On target" : $"{char.ToUpperInvariant(Progress.Describe(gap, 0)[0])}{Progress.Describe(gap, 0)[1..]}")
              + (Grades.Count > 0 && Grades[^1].Change is { } change && change != "no change" ? $", {change}" : ""));
    }

    public sealed record TargetHistory(string Course, TargetKind Kind, string? Previous, string? New, DateTime ChangedAt, string ChangedBy, string Reason);

    /// <summary>The early-warning score and the reasons that raised it.</summary>
    /// <param name="Chance">The institution's weights were fitted on its outcomes: the score is the chance in per cent of
    /// withdrawing or failing.</param>
    public sealed record Risk(int Score, IReadOnlyList<string> Reasons, bool Chance = false);
    public sealed record Event(DateOnly Date, BehaviourType Type, string Category, int Points, string? Description, string? Staff, DateTime RecordedAt);

    /// <summary>What a timeline entry is about.</summary>
    public enum TimelineKind { Behaviour, DataDrop, AttendanceAlert, Casework, Referral, OneToOne, ParentContact, CourseChange }

    /// <summary>One entry of the student's timeline: when it happened, when it was recorded (they can differ), what, and where to read more.</summary>
    public sealed record TimelineEntry(DateOnly Happened, DateTime? Recorded, TimelineKind Kind, string Text, string Link);

    /// <summary>A week under this attendance is an alert on the timeline (the red band's upper edge).</summary>
    public const decimal AlertBelowPercent = 90m;

    /// <summary>
    /// The parts of a profile a caller asks for: the page asks for all of it; each API section reads only its own part
    /// (grades write no audit row and bring no summary up to date).
    /// </summary>
    [Flags]
    public enum Sections
    {
        /// <summary>Name, group, tutor, flags and parents' contacts: always read; audited as a read of the student's record.</summary>
        Header = 0,
        Attendance = 1,
        Grades = 2,
        Timeline = 4,

        /// <summary>The profile page: every section, the early-warning score (brought up to date) and the target history.</summary>
        Whole = Attendance | Grades | Timeline | 8,
    }

    public sealed record Profile(StudentView View, Header Header, IReadOnlyList<Contact> Contacts, AttendanceFigures? Year, AttendanceFigures? Term, string TermName,
        IReadOnlyList<Week> Weeks, IReadOnlyList<Mark> Marks, IReadOnlyList<CodeMeaning> Codes, IReadOnlyList<Subject> Subjects, IReadOnlyList<Event> Behaviour,
        IReadOnlyList<TimelineEntry> Timeline, AttendanceBands Bands)
    {
        public Risk? EarlyWarning { get; init; }
        public IReadOnlyList<TargetHistory> Targets { get; init; } = [];

        /// <summary>The referrals about the student the viewer may read, read (and, for restricted ones, audited) once.</summary>
        public IReadOnlyList<Referral> Referrals { get; init; } = [];

        /// <summary>The casework tabs (whole profile, pastoral viewers only).</summary>
        public Casework? Casework { get; init; }
    }

    /// <summary>
    /// The casework half of the page: cases and the stages they move through, the action plan and when the next 1:1 is
    /// due, the contact log and the 48-hour rule, behaviour records and the standard letters.
    /// </summary>
    public sealed record Casework(
        IReadOnlyList<InterventionCase> Cases,
        IReadOnlyList<InterventionStage> Stages,
        OneToOnes.GetActionPlan.Plan Plan,
        OneToOnes.GetOneToOneSchedule.Due? Schedule,
        IReadOnlyList<ParentContacts.ListParentContacts.Line> Contacts,
        IReadOnlyList<ParentContacts.GetFortyEightHours.Incident> Incidents,
        Behaviour.GetBehaviourRecord.Record Behaviour,
        IReadOnlyList<LetterTemplate> Letters);

    public Task<Profile?> HandleAsync(StudentScope scope, int studentId, DateOnly today, CancellationToken ct = default) =>
        HandleAsync(scope, studentId, today, Sections.Whole, ct);

    public async Task<Profile?> HandleAsync(StudentScope scope, int studentId, DateOnly today, Sections sections, CancellationToken ct = default)
    {
        bool Wants(Sections section) => (sections & section) == section;
        // Some thirty small reads: this context's are made on one connection rather than one from the pool each.
        await db.Database.OpenConnectionAsync(ct);
        var view = await scope.ViewOfAsync(db, studentId, ct);
        if (view == StudentView.None)
        {
            return null;
        }
        var s = await HeaderQuery.For(db)(db, studentId, ct);
        var pastoral = view == StudentView.Pastoral;
        // Flags are pastoral information: a subject teacher's academic view does not show them.
        var flags = pastoral ? StudentFlags.Describe(s.Disadvantaged, s.Send, s.Ehcp, s.LookedAfter, s.YoungCarer, s.Eal, s.MostAble) : [];
        var header = new Header(s.Id, s.ExternalId, $"{s.PreferredName ?? s.FirstName} {s.LastName}", pastoral ? s.Upn : null,
            s.DateOfBirth, s.Year, s.Group, s.Tutor, flags)
        { LeftOn = s.LeftOn, LeavingReason = pastoral ? s.LeavingReason : null, HasPhoto = s.HasPhoto };

        var institution = await reference.ForAsync(s.InstitutionId, ct);
        var whole = Wants(Sections.Whole);
        var (year, term) = institution.At(today);
        var yearStart = year?.Start ?? DateOnly.MinValue;
        var termStart = term?.Start ?? yearStart;

        // The sections do not depend on each other: they are read in two groups, each on a read-only context of its own
        // (from the pool, see ReadContexts) — the student's record (attendance, contacts, behaviour points, then grades
        // and target history) and their casework (action plan, contact log, cases, the 48-hour rule, then the behaviour
        // record and the case and course-change history) — while this one writes the audit row, reads the summary and the
        // referrals. The audit row's commit, a wait for the disk, overlaps the reads; two groups of some ten round trips
        // each end together with this context's three, and cost the server fewer connections woken than four (decision 0023).
        var record = Side(async x => (pastoral ? await AttendanceAsync(x, studentId, yearStart, termStart, today, sections, ct) : NoAttendance(),
            await GradesAsync(x, studentId, institution.Ranks, Wants(Sections.Grades) || Wants(Sections.Timeline), whole, ct)), ct);
        var caseworkAndHistory = pastoral && Wants(Sections.Timeline)
            ? Side(async x => (await CaseworkAsync(x, studentId, today, whole, ct), await HistoryAsync(x, studentId, whole, today, ct)), ct)
            : null;
        try
        {
            if (sections != Sections.Grades)
            {
                await AuditReadAsync(scope.Viewer, s.InstitutionId, studentId, view, ct);
            }
            if (!pastoral)
            {
                var (_, (taught, targetsTaught)) = await record;
                return new Profile(view, header, [], null, null, "", [], [], [], taught, [], [], AttendanceBands.Default) { Targets = targetsTaught };
            }

            StudentSummary? risk = null;
            if (whole)
            {
                // Normally today's summary is there (the nightly job, or an earlier view); otherwise it is brought up to date first.
                risk = await SummaryQuery.For(db)(db, studentId, ct);
                if (risk?.AsOf != today)
                {
                    await Analytics.StudentSummaries.EnsureCurrentAsync(db, s.InstitutionId, [studentId], today, clock.GetUtcNow().UtcDateTime, ct);
                    risk = await SummaryQuery.For(db)(db, studentId, ct);
                }
            }
            // Read once: the timeline and the page's referrals tab share them, so a restricted one's read is audited once.
            IReadOnlyList<Referral> readable = Wants(Sections.Timeline) ? await referrals.ForStudentAsync(scope, studentId, view, ct) : [];

            var (attendance, (subjects, targets)) = await record;
            var (weeks, marks, contacts, behaviour) = attendance;
            var codes = marks.Select(m => m.Code).Distinct()
                .Select(code => institution.Codes.GetValueOrDefault(code)).OfType<AttendanceCode>()
                .OrderBy(c => c.Meaning).ThenBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new CodeMeaning(c.Code, c.Description, c.Meaning))
                .ToList();
            var weekly = weeks.Select(w => new Week(w.WeekStart, AttendanceFigures.Of(w))).ToList();
            Casework? work = null;
            IReadOnlyList<TimelineEntry> timeline = [];
            if (Wants(Sections.Timeline))
            {
                var ((plan, parentContacts, cases, incidents), (behaviourRecord, events)) = await caseworkAndHistory!;
                // The student's place in the 1:1 schedule, from what the plan and the summary have read.
                var lastThisYear = plan.Meetings.Where(m => m.HeldOn >= yearStart).Select(m => (DateOnly?)m.HeldOn).Max();
                work = new Casework(cases, whole ? institution.Stages : [], plan,
                    whole ? OneToOnes.GetOneToOneSchedule.Of(studentId, header.Name, header.TutorGroup, header.Tutor, lastThisYear, plan.Prioritised, risk?.RiskScore, plan.Open.Count, yearStart, today) : null,
                    parentContacts, incidents, behaviourRecord, whole ? institution.Letters : []);
                timeline = [.. Timeline(weekly, subjects, behaviour).Concat(events).Concat(CaseworkTimeline(readable, work))
                    .OrderByDescending(e => e.Happened).ThenByDescending(e => e.Recorded)];
            }
            return new Profile(view, header, contacts, AttendanceFigures.Sum(weekly.Select(w => w.Figures)),
                AttendanceFigures.Sum(weekly.Where(w => w.Start >= Rules.Weeks.FirstOf(termStart)).Select(w => w.Figures)), term?.Name ?? "this term",
                weekly, marks, codes, subjects, behaviour, timeline, institution.Bands)
            {
                EarlyWarning = risk is null ? null : new Risk(risk.RiskScore, Analytics.StudentSummaries.Reasons(risk), institution.FittedWeights),
                Targets = targets,
                Referrals = readable,
                Casework = whole ? work : null,
            };
        }
        finally
        {
            // Never leave a side read running past the request (its context is disposed when it ends).
            foreach (var read in new Task?[] { record, caseworkAndHistory }.OfType<Task>())
            {
                await Task.WhenAny(read);
            }
        }
    }

    /// <summary>Runs a read on a context of its own (same database and options), disposed when the read ends.</summary>
    private async Task<T> Side<T>(Func<CaseloadDbContext, Task<T>> read, CancellationToken ct)
    {
        await using var side = reads?.Rent() ?? new CaseloadDbContext((DbContextOptions<CaseloadDbContext>)db.GetService<IDbContextOptions>());
        side.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        await side.Database.OpenConnectionAsync(ct);
        return await read(side);
    }

    /// <summary>What a subject teacher's academic view reads of attendance, contacts and behaviour: nothing.</summary>
    private static (List<AttendanceWeek> Weeks, List<Mark> Marks, List<Contact> Contacts, List<Event> Behaviour) NoAttendance() => ([], [], [], []);

    /// <summary>Attendance (the year's weeks, the term's marks for the calendar), parents' contacts and behaviour points.</summary>
    private static async Task<(List<AttendanceWeek> Weeks, List<Mark> Marks, List<Contact> Contacts, List<Event> Behaviour)> AttendanceAsync(
        CaseloadDbContext db, int studentId, DateOnly yearStart, DateOnly termStart, DateOnly today, Sections sections, CancellationToken ct)
    {
        bool Wants(Sections section) => (sections & section) == section;
        var firstWeek = Rules.Weeks.FirstOf(yearStart); // a parameter, not a call EF evaluates on every execution
        var weeks = !Wants(Sections.Attendance) && !Wants(Sections.Timeline) ? [] : await WeeksQuery.For(db)(db, studentId, firstWeek).ListAsync(ct);
        // One student's marks for the term: a few hundred rows at most, for the calendar.
        var marks = !Wants(Sections.Attendance) ? [] : await MarksQuery.For(db)(db, studentId, termStart, today).ListAsync(ct);
        var contacts = await ContactsQuery.For(db)(db, studentId).ListAsync(ct);
        var behaviour = !Wants(Sections.Timeline) ? [] : await BehaviourQuery.For(db)(db, studentId, yearStart).ListAsync(ct);
        return (weeks, marks, contacts, behaviour);
    }

    /// <summary>The student's courses with their grades at each data drop (when <paramref name="subjects"/>) and, for the
    /// whole page, the history of their target grades.</summary>
    private static async Task<(IReadOnlyList<Subject> Subjects, IReadOnlyList<TargetHistory> Targets)> GradesAsync(
        CaseloadDbContext db, int studentId, IReadOnlyDictionary<(int ScaleId, string Code), int> ranks, bool subjects, bool whole, CancellationToken ct) =>
        (subjects ? await SubjectsAsync(db, studentId, ranks, ct) : [], whole ? await TargetsQuery.For(db)(db, studentId).ListAsync(ct) : []);

    private static async Task<IReadOnlyList<Subject>> SubjectsAsync(CaseloadDbContext db, int studentId, IReadOnlyDictionary<(int ScaleId, string Code), int> ranks, CancellationToken ct)
    {
        var enrolments = await EnrolmentsQuery.For(db)(db, studentId).ListAsync(ct);
        var ids = enrolments.Select(e => e.Id).ToList();
        var grades = (await GradesQuery.For(db)(db, ids).ListAsync(ct)).ToLookup(g => g.EnrolmentId);
        return [.. enrolments.Select(e =>
        {
            int? Rank(string? grade) => grade is not null && ranks.TryGetValue((e.GradeScaleId, grade), out var r) ? r : null;
            var target = Rank(e.TargetGrade);
            var at = new List<GradeAt>();
            int? previous = null;
            foreach (var g in grades[e.Id].OrderBy(g => g.Date))
            {
                var rank = Rank(g.Grade);
                at.Add(new GradeAt(g.Name, g.Date, g.Grade, g.RecordedAt, rank is { } r && target is { } t ? Progress.Gap(r, t) : null,
                    rank is { } now ? Progress.Change(now, previous) : null, g.Effort, g.Comment));
                previous = rank;
            }
            var latest = at.LastOrDefault()?.Grade;
            var scale = ranks.Where(k => k.Key.ScaleId == e.GradeScaleId).OrderByDescending(k => k.Value).Select(k => k.Key.Code).ToList();
            var ended = e.Status switch
            {
                EnrolmentStatus.Withdrawn => $"Withdrawn (last day {e.EndDate:d MMM yyyy})",
                EnrolmentStatus.Transferred => $"Transferred to another course (last day {e.EndDate:d MMM yyyy})",
                _ => null,
            };
            return new Subject(e.Id, e.Course, e.Qualification, e.Teacher, e.TargetGrade, e.AspirationalGrade, scale, at, latest, at.LastOrDefault()?.Gap, ended);
        })];
    }

    /// <summary>Everything that happened to the student, newest first: behaviour, grades at each data drop, weeks of low attendance.</summary>
    internal static IReadOnlyList<TimelineEntry> Timeline(IReadOnlyList<Week> weeks, IReadOnlyList<Subject> subjects, IReadOnlyList<Event> behaviour)
    {
        var entries = new List<TimelineEntry>();
        foreach (var e in behaviour)
        {
            var what = e.Type switch { BehaviourType.Positive => "Positive", BehaviourType.Negative => "Incident", _ => e.Type.ToString() };
            var points = e.Points == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({e.Points:+0;-0} points)");
            entries.Add(new TimelineEntry(e.Date, e.RecordedAt, TimelineKind.Behaviour,
                $"{what}: {e.Category}{points}{(e.Description is null ? "" : $" – {e.Description}")}{(e.Staff is null ? "" : $", recorded by {e.Staff}")}", "#behaviour"));
        }
        foreach (var s in subjects)
        {
            GradeAt? previous = null;
            foreach (var g in s.Grades)
            {
                var change = previous is null || previous.Grade == g.Grade ? "" : $", was {previous.Grade}";
                var target = s.Target is null ? "" : $" (target {s.Target})";
                entries.Add(new TimelineEntry(g.Date, g.RecordedAt, TimelineKind.DataDrop, $"{g.DataPoint}: {s.Course} {g.Grade}{target}{change}", "#achievement"));
                previous = g;
            }
        }
        foreach (var w in weeks.Where(w => w.Percent < AlertBelowPercent))
        {
            entries.Add(new TimelineEntry(w.Start, null, TimelineKind.AttendanceAlert,
                string.Create(CultureInfo.InvariantCulture, $"Attendance {w.Percent:0.0}% in the week of {w.Start:d MMM} ({w.Unauthorised} unauthorised, {w.Authorised} authorised absences)"),
                "#attendance"));
        }
        return [.. entries.OrderByDescending(e => e.Happened).ThenByDescending(e => e.Recorded)];
    }

    /// <summary>The casework records of one student whose pastoral record the viewer sees (the caller has checked): the
    /// action plan, the contact log, and for the whole page the cases and the 48-hour rule.</summary>
    private static async Task<(OneToOnes.GetActionPlan.Plan Plan, IReadOnlyList<ParentContacts.ListParentContacts.Line> Contacts,
        IReadOnlyList<InterventionCase> Cases, IReadOnlyList<ParentContacts.GetFortyEightHours.Incident> Incidents)> CaseworkAsync(
        CaseloadDbContext db, int studentId, DateOnly today, bool whole, CancellationToken ct)
    {
        var plan = await OneToOnes.GetActionPlan.ReadAsync(db, studentId, ct);
        var contacts = await ParentContacts.ListParentContacts.ReadAsync(db, studentId, ct);
        return !whole ? (plan, contacts, [], [])
            : (plan, contacts, await Cases.ListStudentCases.ReadAsync(db, studentId, ct),
                await new ParentContacts.GetFortyEightHours(db).HandleAsync([studentId], DateOnly.MinValue, today, ct));
    }

    /// <summary>The behaviour record (incidents, sanctions, reports) and, on the timeline, each case's history and the
    /// course changes.</summary>
    private static async Task<(Behaviour.GetBehaviourRecord.Record Record, List<TimelineEntry> Events)> HistoryAsync(
        CaseloadDbContext db, int studentId, bool whole, DateOnly today, CancellationToken ct)
    {
        var record = await Behaviour.GetBehaviourRecord.ReadAsync(db, studentId, ct);
        var entries = new List<TimelineEntry>();
        var events = await CaseEventsQuery.For(db)(db, studentId).ListAsync(ct);
        entries.AddRange(events.Select(e => new TimelineEntry(DateOnly.FromDateTime(e.At), e.At, TimelineKind.Casework, e.Text, $"/cases/{e.Id}")));
        var changes = await CourseChangesQuery.For(db)(db, studentId).ListAsync(ct);
        foreach (var c in changes)
        {
            var what = CourseChanges.CourseChangeWords.Summary(c.Kind, c.From, c.To);
            var link = $"/course-changes/{c.Id}";
            entries.Add(new TimelineEntry(DateOnly.FromDateTime(c.RequestedAt), c.RequestedAt, TimelineKind.CourseChange, $"Course change requested by {c.RequestedBy}: {what}", link));
            if (c.DecidedAt is { } decided && c.Status != CourseChangeStatus.Cancelled)
            {
                var verb = c.Status == CourseChangeStatus.Refused ? "refused" : "authorised";
                entries.Add(new TimelineEntry(DateOnly.FromDateTime(decided), decided, TimelineKind.CourseChange, $"Course change {verb} by {c.DecidedBy}: {what}{(c.DecisionNote is null ? "" : $" ({c.DecisionNote})")}", link));
            }
            if (c.Status == CourseChangeStatus.Cancelled)
            {
                entries.Add(new TimelineEntry(DateOnly.FromDateTime(c.DecidedAt ?? c.RequestedAt), c.DecidedAt, TimelineKind.CourseChange, $"Course change cancelled: {what}", link));
            }
            if (c.ActionedAt is { } actioned)
            {
                entries.Add(new TimelineEntry(c.EffectiveOn ?? DateOnly.FromDateTime(actioned), actioned, TimelineKind.CourseChange, $"Course change actioned by {c.ActionedBy}: {what}, from {c.EffectiveOn:d MMM yyyy}", link));
            }
        }
        return (record, entries);
    }

    /// <summary>The student's casework on the timeline from what has been read: referrals the viewer may read, 1:1s,
    /// contact home and behaviour beyond their own points (incidents they were involved in, sanctions, reports).</summary>
    private static List<TimelineEntry> CaseworkTimeline(IReadOnlyList<Referral> readable, Casework work)
    {
        var entries = new List<TimelineEntry>();
        foreach (var r in readable)
        {
            var status = Referrals.ReferralWords.Describe(r.Status).ToLowerInvariant();
            entries.Add(new TimelineEntry(DateOnly.FromDateTime(r.RaisedAt), r.RaisedAt, TimelineKind.Referral,
                $"{Referrals.ReferralWords.Describe(r.Category)} ({status}): {r.What}", $"/referrals/{r.Id}"));
        }
        var targets = work.Plan.Open.Concat(work.Plan.Reviewed).ToList();
        foreach (var m in work.Plan.Meetings)
        {
            var set = targets.Count(t => t.SetInMeetingId == m.Id);
            entries.Add(new TimelineEntry(m.HeldOn, m.RecordedAt, TimelineKind.OneToOne,
                $"1:1 review: {(m.Notes.Length > 200 ? m.Notes[..197] + "…" : m.Notes)}{(set > 0 ? $" ({set} target{(set == 1 ? "" : "s")} set)" : "")}", $"/one-to-ones/{m.Id}"));
        }
        entries.AddRange(work.Contacts.Select(l => l.Contact).Select(c => new TimelineEntry(c.On, c.RecordedAt, TimelineKind.ParentContact,
            $"{(c.Positive ? "Positive contact home" : "Contact home")} ({ParentContacts.ParentContactWords.Describe(c.Method)} with {c.With}): {c.Summary}", "#contacts")));
        entries.AddRange(work.Behaviour.Incidents.Where(i => i.Role != IncidentRole.Perpetrator).Select(i => new TimelineEntry(i.Incident.On, i.Incident.RecordedAt,
            TimelineKind.Behaviour, $"{i.Role} in an incident of {i.Incident.Category.ToLowerInvariant()} (not recorded against them)", "#behaviour")));
        entries.AddRange(work.Behaviour.Sanctions.Select(x => new TimelineEntry(x.On, x.SetAt, TimelineKind.Behaviour,
            $"Sanction: {x.Kind.ToString().ToLowerInvariant()} – {x.Reason}", "#behaviour")));
        entries.AddRange(work.Behaviour.Reports.Select(x => new TimelineEntry(x.From, null, TimelineKind.Behaviour, $"Put on report: {x.Reason}", "#behaviour")));
        entries.AddRange(work.Behaviour.Reports.Where(x => x.To is not null).Select(x => new TimelineEntry(x.To!.Value, null, TimelineKind.Behaviour, "Taken off report", "#behaviour")));
        return entries;
    }

    // The page's reads, compiled once (decision 0024).
    private sealed record HeaderRow(int Id, string ExternalId, string FirstName, string? PreferredName, string LastName, string? Upn,
        DateOnly DateOfBirth, string Year, string? Group, string? Tutor, bool Disadvantaged, bool Send, bool Ehcp, bool LookedAfter,
        bool YoungCarer, bool Eal, bool MostAble, int InstitutionId, DateOnly? LeftOn, string? LeavingReason, bool HasPhoto);

    private static readonly Compiled<Func<CaseloadDbContext, int, CancellationToken, Task<HeaderRow>>> HeaderQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId, CancellationToken ct) => db.Students.AsNoTracking()
            .Where(x => x.Id == studentId)
            .Select(x => new HeaderRow(x.Id, x.ExternalId, x.FirstName, x.PreferredName, x.LastName, x.Upn, x.DateOfBirth, x.YearGroup!.Name,
                x.TutorGroup == null ? null : x.TutorGroup.Code,
                x.TutorGroup == null || x.TutorGroup.Tutor == null ? null : x.TutorGroup.Tutor.FirstName + " " + x.TutorGroup.Tutor.LastName,
                x.Disadvantaged, x.Send, x.Ehcp, x.LookedAfter, x.YoungCarer, x.Eal, x.MostAble, x.InstitutionId, x.LeftOn, x.LeavingReason,
                db.StudentPhotos.Any(p => p.StudentId == x.Id)))
            .Single()));

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<TargetHistory>>> TargetsQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId) => db.TargetChanges.AsNoTracking()
            .Join(db.Enrolments.Where(e => e.StudentId == studentId), c => c.EnrolmentId, e => e.Id, (c, e) => new { c, Course = e.Course!.Name })
            .OrderByDescending(x => x.c.ChangedAt).ThenByDescending(x => x.c.Id)
            .Select(x => new TargetHistory(x.Course, x.c.Kind, x.c.Previous, x.c.New, x.c.ChangedAt, x.c.ChangedBy, x.c.Reason))));

    private static readonly Compiled<Func<CaseloadDbContext, int, CancellationToken, Task<StudentSummary?>>> SummaryQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId, CancellationToken ct) => db.StudentSummaries.AsNoTracking().FirstOrDefault(x => x.StudentId == studentId)));

    private static readonly Compiled<Func<CaseloadDbContext, int, DateOnly, IAsyncEnumerable<AttendanceWeek>>> WeeksQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery<CaseloadDbContext, int, DateOnly, AttendanceWeek>(
        (CaseloadDbContext db, int studentId, DateOnly firstWeek) => db.AttendanceWeeks.AsNoTracking()
            .Where(w => w.StudentId == studentId && w.WeekStart >= firstWeek)
            .OrderBy(w => w.WeekStart)));

    private static readonly Compiled<Func<CaseloadDbContext, int, DateOnly, DateOnly, IAsyncEnumerable<Mark>>> MarksQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId, DateOnly from, DateOnly to) => db.AttendanceMarks.AsNoTracking()
            .Where(m => m.StudentId == studentId && m.Date >= from && m.Date <= to)
            .OrderBy(m => m.Date).ThenBy(m => m.Session)
            .Select(m => new Mark(m.Date, m.Session, m.Code, m.MinutesLate))));

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<Contact>>> ContactsQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId) => db.StudentContacts.AsNoTracking()
            .Where(c => c.StudentId == studentId).OrderBy(c => c.Priority)
            .Select(c => new Contact(c.Name, c.Relationship, c.Phone, c.Email, c.ParentalResponsibility, c.Id, c.Version, c.Address, c.LivesWithStudent, c.PreferredMethod, c.NoContact, c.EnteredHere))));

    private static readonly Compiled<Func<CaseloadDbContext, int, DateOnly, IAsyncEnumerable<Event>>> BehaviourQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId, DateOnly from) => db.BehaviourEvents.AsNoTracking()
            .Where(e => e.StudentId == studentId && e.Date >= from)
            .OrderByDescending(e => e.Date)
            .Select(e => new Event(e.Date, e.Type, e.Category, e.Points, e.Description,
                db.Staff.Where(x => x.Id == e.StaffId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(), e.RecordedAt))));

    private sealed record EnrolmentRow(int Id, EnrolmentStatus Status, DateOnly? EndDate, string Course, string Qualification, int GradeScaleId,
        string? TargetGrade, string? AspirationalGrade, string? Teacher);

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<EnrolmentRow>>> EnrolmentsQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId) => db.Enrolments.AsNoTracking()
            .Where(e => e.StudentId == studentId)
            .OrderBy(e => e.Status).ThenBy(e => e.Course!.Name)
            .Select(e => new EnrolmentRow(e.Id, e.Status, e.EndDate, e.Course!.Name, e.Course.Qualification, e.Course.GradeScaleId, e.TargetGrade,
                e.AspirationalGrade, db.Staff.Where(x => x.Id == e.TeacherStaffId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault()))));

    private sealed record GradeRow(int EnrolmentId, string Name, DateOnly Date, string Grade, DateTime RecordedAt, int? Effort, string? Comment);

    private static readonly Compiled<Func<CaseloadDbContext, List<int>, IAsyncEnumerable<GradeRow>>> GradesQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, List<int> enrolments) => db.AssessmentGrades.AsNoTracking()
            .Where(g => enrolments.Contains(g.EnrolmentId))
            .Join(db.DataPoints, g => g.DataPointId, d => d.Id, (g, d) => new GradeRow(g.EnrolmentId, d.Name, d.Date, g.Grade, g.RecordedAt, g.Effort, g.Comment))));

    private sealed record CaseEventRow(DateTime At, string Text, long Id);

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<CaseEventRow>>> CaseEventsQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId) => db.CaseEvents.AsNoTracking()
            .Join(db.InterventionCases.Where(c => c.StudentId == studentId && c.DeletedAt == null), e => e.CaseId, c => c.Id, (e, c) => new CaseEventRow(e.At, e.Text, c.Id))));

    private sealed record CourseChangeRow(long Id, CourseChangeKind Kind, CourseChangeStatus Status, DateTime RequestedAt, DateTime? DecidedAt,
        DateTime? ActionedAt, DateOnly? EffectiveOn, string? DecisionNote, string? From, string? To, string RequestedBy, string? DecidedBy, string? ActionedBy);

    private static readonly Compiled<Func<CaseloadDbContext, int, IAsyncEnumerable<CourseChangeRow>>> CourseChangesQuery = CompiledQueries.Of(() => EF.CompileAsyncQuery(
        (CaseloadDbContext db, int studentId) => db.CourseChanges.AsNoTracking().Where(c => c.StudentId == studentId)
            .Select(c => new CourseChangeRow(c.Id, c.Kind, c.Status, c.RequestedAt, c.DecidedAt, c.ActionedAt, c.EffectiveOn, c.DecisionNote,
                db.Courses.Where(x => x.Id == c.FromCourseId).Select(x => x.Name).FirstOrDefault(),
                db.Courses.Where(x => x.Id == c.ToCourseId).Select(x => x.Name).FirstOrDefault(),
                db.Staff.Where(x => x.Id == c.RequestedByStaffId).Select(x => x.FirstName + " " + x.LastName).First(),
                db.Staff.Where(x => x.Id == c.DecidedByStaffId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault(),
                db.Staff.Where(x => x.Id == c.ActionedByStaffId).Select(x => x.FirstName + " " + x.LastName).FirstOrDefault()))));

    private async Task AuditReadAsync(Viewer viewer, int institutionId, int studentId, StudentView view, CancellationToken ct)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = institutionId,
            At = clock.GetUtcNow().UtcDateTime,
            Actor = $"staff:{viewer.StaffId}",
            Action = AuditAction.Read,
            Entity = "StudentProfile",
            EntityId = studentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StudentId = studentId,
            Changes = view == StudentView.Academic ? "{\"view\":\"academic\"}" : "{\"view\":\"pastoral\"}",
        });
        await db.SaveChangesAsync(ct);
    }
}
