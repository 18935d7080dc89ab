using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Cases;
using Caseload.Core.Features.OneToOnes;
using Caseload.Core.Features.ParentContacts;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Inbox;

/// <summary>
/// "My inbox": what needs the signed-in member of staff — referrals routed to them or their team, cases handed to them
/// (escalated or de-escalated to them and not yet acted on by them), their cases' reviews and open actions due within a
/// week or overdue, parents to contact under the 48-hour rule and 1:1s due for their own tutees, and, for senior tutors
/// and progress leaders, overdue reviews in the cases of the staff they lead. Only students whose pastoral record they
/// see (a referral's team sees the referrals routed to it). The count is what is new or overdue (the navigation bar's).
/// </summary>
public sealed class GetInbox(CaseloadDbContext db, ReferralAccess referrals, GetOneToOneSchedule oneToOnes, GetFortyEightHours fortyEightHours, Safeguarding.ChildProtectionFileTasks transfers,
    CourseChanges.CourseChangeAccess courseChanges, Destinations.OfferCheck offers)
{
    public enum Kind
    {
        ReferralNew,
        BreakGlass,
        ChildProtectionFileToSend,
        ChildProtectionFileChase,
        SafeguardingActionOverdue,
        SafeguardingReview,
        SupportPlanStepOverdue,
        WellbeingReviewOverdue,
        HandedToYou,
        ForSeniorLeaders,
        CourseChangeToAuthorise,
        CourseChangeToAction,
        ProbationReviewDue,
        ResultsMissed,
        ReferenceToCheck,
        ContributionOverdue,
        TeamEscalated,
        ReviewOverdue,
        ActionOverdue,
        ParentContactMissed,
        OneToOneOverdue,
        ReferralOpen,
        CourseChangeDecided,
        ReferenceToDraft,
        ContributionDue,
        SafeguardingActionDue,
        SupportPlanStepDue,
        WellbeingReviewDue,
        ParentContactDue,
        SuggestedCase,
        ReviewDue,
        ActionDue,
        OneToOneDue,
        TeamReviewOverdue,
    }

    /// <summary>One thing that needs the viewer; <paramref name="Link"/> is the page where it is dealt with.</summary>
    public sealed record Item(Kind Kind, string Link, int StudentId, string Student, string Text, DateOnly When);

    public sealed record Result(IReadOnlyList<Item> Items)
    {
        /// <summary>New or overdue: what the navigation bar counts.</summary>
        public int Count => Items.Count(i => i.Kind is Kind.ReferralNew or Kind.BreakGlass or Kind.ChildProtectionFileToSend or Kind.ChildProtectionFileChase or Kind.SafeguardingActionOverdue or Kind.SafeguardingReview or Kind.SupportPlanStepOverdue or Kind.WellbeingReviewOverdue or Kind.HandedToYou or Kind.ForSeniorLeaders or Kind.CourseChangeToAuthorise or Kind.CourseChangeToAction or Kind.ProbationReviewDue or Kind.ResultsMissed or Kind.ReferenceToCheck or Kind.ContributionOverdue or Kind.TeamEscalated or Kind.ReviewOverdue or Kind.ActionOverdue
            or Kind.ParentContactMissed or Kind.OneToOneOverdue);
    }

    /// <summary>When set (the benchmark), how long each part took, in milliseconds.</summary>
    public Dictionary<string, double>? Timings { get; set; }

    private System.Diagnostics.Stopwatch _watch = new();

    private void Lap(string part)
    {
        if (Timings is not null)
        {
            Timings[part] = Timings.GetValueOrDefault(part) + _watch.Elapsed.TotalMilliseconds;
        }
        _watch.Restart();
    }

    public async Task<Result> HandleAsync(StudentScope scope, DateOnly today, CancellationToken ct = default)
    {
        _watch = System.Diagnostics.Stopwatch.StartNew();
        var me = scope.Viewer.StaffId;
        var visible = scope.Pastoral(db).Select(s => s.Id);
        var soon = today.AddDays(7);
        // Cover: the absent tutor's cases come to the viewer too — all of them, or those of the group covered.
        var coveredWhole = scope.Covers.Where(c => c.TutorGroupId is null).Select(c => c.TutorStaffId).ToList();
        var coveredGroups = scope.Covers.Select(c => c.TutorGroupId).OfType<int>().ToList();
        var groupTutors = scope.Covers.Where(c => c.TutorGroupId is not null).Select(c => c.TutorStaffId).ToList();
        var mine = await db.InterventionCases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Open && c.DeletedAt == null && visible.Contains(c.StudentId)
                && (c.OwnerStaffId == me
                    || (c.OwnerStaffId != null && coveredWhole.Contains(c.OwnerStaffId.Value))
                    || (c.OwnerStaffId != null && groupTutors.Contains(c.OwnerStaffId.Value)
                        && db.Students.Any(s => s.Id == c.StudentId && s.TutorGroupId != null && coveredGroups.Contains(s.TutorGroupId.Value)))))
            .Select(c => new
            {
                c.Id,
                c.StudentId,
                Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                c.Stage,
                c.NextReview,
                c.Summary,
                Actions = c.Actions.Where(a => !a.Done && a.Due <= soon).Select(a => new { a.What, a.Who, a.Due }).ToList(),
            })
            .ToListAsync(ct);
        // Each case's latest event, for "handed to you" (one query over these cases; a correlated "latest" per case made
        // PostgreSQL number every event of every case).
        var ids = mine.Select(c => c.Id).ToList();
        var lastIds = await db.CaseEvents.Where(e => ids.Contains(e.CaseId)).GroupBy(e => e.CaseId).Select(g => g.Max(e => e.Id)).ToListAsync(ct);
        var last = await db.CaseEvents.AsNoTracking().Where(e => lastIds.Contains(e.Id)).ToDictionaryAsync(e => e.CaseId, ct);
        Lap("own cases");
        var items = new List<Item>();
        var myActor = $"staff:{me}";
        foreach (var c in mine)
        {
            if (last.TryGetValue(c.Id, out var l) && l.Kind is CaseEventKind.Escalated or CaseEventKind.DeEscalated && l.By != myActor)
            {
                items.Add(new Item(Kind.HandedToYou, $"/cases/{c.Id}", c.StudentId, c.Student, l.Text, DateOnly.FromDateTime(l.At)));
            }
            if (c.NextReview <= soon)
            {
                items.Add(new Item(c.NextReview < today ? Kind.ReviewOverdue : Kind.ReviewDue, $"/cases/{c.Id}", c.StudentId, c.Student,
                    $"Stage {c.Stage} review: {c.Summary}", c.NextReview));
            }
            items.AddRange(c.Actions.Select(a => new Item(a.Due < today ? Kind.ActionOverdue : Kind.ActionDue, $"/cases/{c.Id}", c.StudentId, c.Student,
                $"{a.What} ({a.Who})", a.Due)));
        }
        // Senior leaders: cases at a stage the senior leadership team owns that nobody has taken yet, with why they came.
        if (scope.Viewer.May(Operation.TakeCasesForSeniorLeaders))
        {
            var theirs = (await CaseStages.ForAsync(db, scope.Viewer.InstitutionId, ct)).Where(s => s.OwnerRole == Roles.SeniorLeader).Select(s => s.Number).ToList();
            var waiting = await db.InterventionCases.AsNoTracking()
                .Where(c => c.OwnerStaffId == null && c.Status == CaseStatus.Open && c.DeletedAt == null && visible.Contains(c.StudentId) && theirs.Contains(c.Stage))
                .OrderBy(c => c.Id).Take(200)
                .Select(c => new
                {
                    c.Id,
                    c.StudentId,
                    Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                    Why = db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Escalated).OrderByDescending(e => e.Id).Select(e => new { e.Text, e.At }).FirstOrDefault(),
                    c.Summary,
                })
                .ToListAsync(ct);
            items.AddRange(waiting.Select(c => new Item(Kind.ForSeniorLeaders, $"/cases/{c.Id}", c.StudentId, c.Student,
                c.Why?.Text ?? c.Summary, c.Why is null ? today : DateOnly.FromDateTime(c.Why.At))));
        }
        // Managers: overdue reviews in the cases their team or year owns.
        var team = scope.CaseloadStaffIds.Where(id => id != me).ToList();
        if (scope.Viewer.HasAny(Roles.SeniorTutor, Roles.ProgressLeader))
        {
            var overdue = await db.InterventionCases.AsNoTracking()
                .Where(c => c.Status == CaseStatus.Open && c.DeletedAt == null && c.NextReview < today && c.OwnerStaffId != me
                    && visible.Contains(c.StudentId) && (c.OwnerStaffId == null || team.Contains(c.OwnerStaffId.Value) || scope.Viewer.Has(Roles.ProgressLeader)))
                .OrderBy(c => c.NextReview).Take(200)
                .Select(c => new
                {
                    c.Id,
                    c.StudentId,
                    Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                    c.Stage,
                    c.NextReview,
                    Owner = db.Staff.Where(s => s.Id == c.OwnerStaffId).Select(s => s.FirstName + " " + s.LastName).FirstOrDefault(),
                })
                .ToListAsync(ct);
            // Escalated in the last week to Stage 3 or above (where the senior tutor joins in) and not yet touched by the manager.
            var weekAgo = today.AddDays(-7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var escalated = await db.CaseEvents.AsNoTracking()
                .Where(e => e.Kind == CaseEventKind.Escalated && e.ToStage >= 3 && e.At >= weekAgo && e.By != myActor
                    && !db.CaseEvents.Any(later => later.CaseId == e.CaseId && later.Id > e.Id && later.By == myActor))
                .Join(db.InterventionCases.Where(c => c.Status == CaseStatus.Open && c.DeletedAt == null && c.OwnerStaffId != me && visible.Contains(c.StudentId)
                    && (c.OwnerStaffId == null || team.Contains(c.OwnerStaffId.Value) || scope.Viewer.Has(Roles.ProgressLeader))), e => e.CaseId, c => c.Id,
                    (e, c) => new
                    {
                        c.Id,
                        c.StudentId,
                        Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                        e.At,
                        e.Text,
                    })
                .OrderByDescending(x => x.At).Take(100)
                .ToListAsync(ct);
            items.AddRange(escalated.DistinctBy(e => e.Id).Select(e => new Item(Kind.TeamEscalated, $"/cases/{e.Id}", e.StudentId, e.Student, e.Text, DateOnly.FromDateTime(e.At))));
            items.AddRange(overdue.Select(c => new Item(Kind.TeamReviewOverdue, $"/cases/{c.Id}", c.StudentId, c.Student,
                $"Stage {c.Stage} review overdue ({c.Owner ?? "no owner"})", c.NextReview)));
        }
        Lap("team");
        await ReferralsAsync(scope, items, ct);
        Lap("referrals");
        await CourseChangesAsync(scope, today, items, ct);
        Lap("course changes");
        await ReferencesAsync(scope, today, items, ct);
        await ResultsDayAsync(scope, today, items, ct);
        Lap("references");
        await SafeguardingAsync(scope, today, items, ct);
        await WellbeingAsync(scope, today, items, ct);
        Lap("safeguarding");
        await SupportPlansAsync(scope, today, items, ct);
        Lap("support plans");
        if (scope.Viewer.HasAny(Roles.Tutor, Roles.SeniorTutor) || scope.Covers.Count > 0)
        {
            await OwnTuteesAsync(scope, today, items, ct);
        }
        return new Result([.. items.OrderBy(i => i.Kind).ThenBy(i => i.When)]);
    }

    /// <summary>Course changes waiting for the viewer (to authorise as the student's senior tutor, or as a senior leader when
    /// the student has none; to action as an administrator), their own requests decided in the last week, and — for senior
    /// tutors — the probation review of team students in their first 6 weeks whose early warning is high (decision 0020).</summary>
    private async Task CourseChangesAsync(StudentScope scope, DateOnly today, List<Item> items, CancellationToken ct)
    {
        var v = scope.Viewer;
        var me = v.StaffId;
        var visible = courseChanges.Visible(scope);
        var authoriser = v.May(Operation.AuthoriseCourseChanges);
        var seniorTutor = v.Has(Roles.SeniorTutor);
        var myTutors = db.TutorTeamMembers.Where(t => t.SeniorTutorStaffId == me).Select(t => t.TutorStaffId);
        var weekAgo = today.AddDays(-7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await visible.AsNoTracking()
            .Where(c => (authoriser && c.Status == CourseChangeStatus.Requested && c.RequestedByStaffId != me)
                || (c.Status == CourseChangeStatus.Authorised && v.Roles.Contains(Roles.Administrator))
                || (c.RequestedByStaffId == me && c.DecidedAt >= weekAgo && (c.Status == CourseChangeStatus.Authorised || c.Status == CourseChangeStatus.Refused)))
            .OrderBy(c => c.RequestedAt).Take(200)
            .Select(c => new
            {
                c.Id,
                c.StudentId,
                c.Kind,
                c.Status,
                c.RequestedAt,
                c.DecidedAt,
                c.RequestedByStaffId,
                Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                From = db.Courses.Where(x => x.Id == c.FromCourseId).Select(x => x.Name).FirstOrDefault(),
                To = db.Courses.Where(x => x.Id == c.ToCourseId).Select(x => x.Name).FirstOrDefault(),
                MyTeam = db.Students.Any(s => s.Id == c.StudentId && s.TutorGroup != null && (s.TutorGroup.TutorStaffId == me || myTutors.Contains(s.TutorGroup.TutorStaffId!.Value))),
            })
            .ToListAsync(ct);
        foreach (var c in rows)
        {
            var what = CourseChanges.CourseChangeWords.Summary(c.Kind, c.From, c.To);
            if (c.Status == CourseChangeStatus.Requested)
            {
                var mine = seniorTutor && c.MyTeam;
                if (!mine && v.Has(Roles.SeniorLeader))
                {
                    // A senior leader is asked only when no senior tutor but the requester could decide.
                    mine = !await courseChanges.SeniorTutorsOf(c.StudentId).AnyAsync(s => s != c.RequestedByStaffId, ct);
                }
                if (mine)
                {
                    items.Add(new Item(Kind.CourseChangeToAuthorise, $"/course-changes/{c.Id}", c.StudentId, c.Student, $"To authorise: {what}", DateOnly.FromDateTime(c.RequestedAt)));
                }
            }
            else if (c.RequestedByStaffId == me && c.Status == CourseChangeStatus.Refused)
            {
                items.Add(new Item(Kind.CourseChangeDecided, $"/course-changes/{c.Id}", c.StudentId, c.Student, $"Refused: {what}", DateOnly.FromDateTime(c.DecidedAt!.Value)));
            }
            else if (c.Status == CourseChangeStatus.Authorised && v.Has(Roles.Administrator))
            {
                items.Add(new Item(Kind.CourseChangeToAction, $"/course-changes/{c.Id}", c.StudentId, c.Student, $"Authorised, to action: {what}", DateOnly.FromDateTime(c.DecidedAt!.Value)));
            }
            else if (c.RequestedByStaffId == me)
            {
                items.Add(new Item(Kind.CourseChangeDecided, $"/course-changes/{c.Id}", c.StudentId, c.Student, $"Authorised: {what}", DateOnly.FromDateTime(c.DecidedAt!.Value)));
            }
        }
        if (!seniorTutor)
        {
            return;
        }
        // Probation review: a team student still within the first 42 days of their programme whose score is high.
        var since = today.AddDays(-(Rules.StudyProgramme.QualifyingDays - 1));
        var early = await scope.Pastoral(db).AsNoTracking()
            .Where(s => s.OnRoll && s.TutorGroup != null && (s.TutorGroup.TutorStaffId == me || myTutors.Contains(s.TutorGroup.TutorStaffId!.Value)))
            .Join(db.StudentSummaries.Where(x => x.RiskScore >= Rules.CohortFigures.HighRiskFrom), s => s.Id, x => x.StudentId, (s, x) => new
            {
                s.Id,
                Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName,
                x.RiskScore,
                Start = db.Enrolments.Where(e => e.StudentId == s.Id && e.Status == EnrolmentStatus.Active && e.StartDate != null).Min(e => e.StartDate),
            })
            .Where(s => s.Start != null && s.Start >= since && s.Start <= today)
            .OrderByDescending(s => s.RiskScore).Take(100)
            .ToListAsync(ct);
        items.AddRange(early.Select(s => new Item(Kind.ProbationReviewDue, $"/students/{s.Id}#casework", s.Id, s.Name,
            $"Probation review due: early warning {s.RiskScore} on day {Rules.StudyProgramme.DayOf(s.Start!.Value, today)} of 42 (day 42 is {Rules.StudyProgramme.DayFortyTwo(s.Start!.Value):d MMM})",
            Rules.StudyProgramme.DayFortyTwo(s.Start!.Value))));
    }

    /// <summary>References (decision 0021): a teacher's contributions not yet written (overdue ones counted); the tutor's references
    /// whose contributions are all in (to draft); a senior tutor's team references drafted (to check) or checked (to release).</summary>
    private async Task ReferencesAsync(StudentScope scope, DateOnly today, List<Item> items, CancellationToken ct)
    {
        var v = scope.Viewer;
        var asks = await db.Contributions.AsNoTracking()
            .Where(c => c.TeacherStaffId == v.StaffId && c.SubmittedAt == null)
            .Join(db.Applications.Where(a => a.InstitutionId == v.InstitutionId && a.Status < ReferenceStatus.Drafted), c => c.ApplicationId, a => a.Id, (c, a) => new { c.Id, c.DueOn, a.StudentId })
            .Join(db.Students, x => x.StudentId, s => s.Id, (x, s) => new { x.Id, x.DueOn, x.StudentId, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName })
            .OrderBy(x => x.DueOn).ThenBy(x => x.Id).Take(200).ToListAsync(ct);
        items.AddRange(asks.Select(x => new Item(x.DueOn < today ? Kind.ContributionOverdue : Kind.ContributionDue, $"/references/contributions/{x.Id}", x.StudentId, x.Name,
            "Reference contribution: a paragraph and a predicted grade", x.DueOn)));
        if (!v.May(Operation.WriteReferences))
        {
            return;
        }
        var visible = scope.Pastoral(db).Select(s => s.Id);
        var waiting = await db.Applications.AsNoTracking()
            .Where(a => a.InstitutionId == v.InstitutionId && visible.Contains(a.StudentId)
                && ((a.Status == ReferenceStatus.ContributionsIn && a.CreatedByStaffId == v.StaffId)
                    || (v.Roles.Contains(Roles.SeniorTutor) && (a.Status == ReferenceStatus.Drafted || a.Status == ReferenceStatus.Checked))))
            .Join(db.Students, a => a.StudentId, s => s.Id, (a, s) => new { a.Id, a.StudentId, a.Status, a.CreatedAt, a.DraftedAt, a.CheckedAt, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName })
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Take(200).ToListAsync(ct);
        foreach (var a in waiting)
        {
            if (a.Status == ReferenceStatus.ContributionsIn)
            {
                items.Add(new Item(Kind.ReferenceToDraft, $"/references/{a.Id}", a.StudentId, a.Name, "Reference: every contribution is in — draft it", today));
            }
            else if (await SeniorTutors.Of(db, a.StudentId).ContainsAsync(v.StaffId, ct))
            {
                items.Add(new Item(Kind.ReferenceToCheck, $"/references/{a.Id}", a.StudentId, a.Name,
                    a.Status == ReferenceStatus.Drafted ? "Reference drafted: check it" : "Reference checked: release it", DateOnly.FromDateTime(a.CheckedAt ?? a.DraftedAt ?? a.CreatedAt)));
            }
        }
    }

    /// <summary>Results day (decision 0022): for 60 days after a cycle's results data point, the applications the viewer started
    /// whose results miss their firm offer's conditions and that nobody has followed up yet.</summary>
    private async Task ResultsDayAsync(StudentScope scope, DateOnly today, List<Item> items, CancellationToken ct)
    {
        var v = scope.Viewer;
        if (!v.May(Operation.RecordDestinations))
        {
            return;
        }
        var recent = (await db.DataPoints.AsNoTracking().Where(d => d.InstitutionId == v.InstitutionId && d.Date <= today && d.Date >= today.AddDays(-60)).ToListAsync(ct))
            .Where(Destinations.OfferCheck.IsResults).Select(d => d.Id).ToHashSet();
        if (recent.Count == 0)
        {
            return;
        }
        var visible = scope.Pastoral(db).Select(s => s.Id);
        foreach (var cycle in await db.ReferenceCycles.AsNoTracking().Where(c => c.InstitutionId == v.InstitutionId).ToListAsync(ct))
        {
            if (await offers.ResultsPointAsync(v.InstitutionId, cycle, ct) is not { } point || !recent.Contains(point.Id))
            {
                continue;
            }
            var firm = await db.ApplicationChoices.AsNoTracking()
                .Where(c => c.Reply == ChoiceReply.Firm && c.Status == ChoiceStatus.ConditionalOffer)
                .Join(db.Applications.Where(a => a.CycleId == cycle.Id && a.CreatedByStaffId == v.StaffId && visible.Contains(a.StudentId)
                    && !db.ResultsFollowUps.Any(f => f.ApplicationId == a.Id)), c => c.ApplicationId, a => a.Id, (c, a) => new { c.Id, c.Provider, a.StudentId, ApplicationId = a.Id })
                .Join(db.Students, x => x.StudentId, s => s.Id, (x, s) => new { x.Id, x.Provider, x.StudentId, x.ApplicationId, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName })
                .OrderBy(x => x.ApplicationId).ThenBy(x => x.Id).Take(200).ToListAsync(ct);
            var verdicts = await offers.EvaluateAsync([.. firm.Select(f => (f.Id, f.StudentId))], point.Id, ct);
            items.AddRange(firm.Where(f => verdicts[f.Id].Verdict == Rules.OfferConditions.Verdict.Missed)
                .Select(f => new Item(Kind.ResultsMissed, $"/students/{f.StudentId}/progression#follow-up-{f.ApplicationId}", f.StudentId, f.Name,
                    $"Results day: missed the conditions of the firm offer from {f.Provider} — follow up", point.Date)));
        }
    }

    private async Task ReferralsAsync(StudentScope scope, List<Item> items, CancellationToken ct)
    {
        var open = await referrals.Received(scope).AsNoTracking().Where(r => r.Status != ReferralStatus.Closed)
            .OrderByDescending(r => r.Urgency).ThenBy(r => r.RaisedAt).Take(200)
            .Select(r => new
            {
                r.Id,
                r.StudentId,
                Student = db.Students.Where(s => s.Id == r.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                r.Category,
                r.Urgency,
                r.Status,
                r.RaisedAt,
                // A restricted referral's words are read on its page (audited), never in a list.
                What = r.Restricted ? null : r.What,
                By = db.Staff.Where(s => s.Id == r.RaisedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
            })
            .ToListAsync(ct);
        foreach (var r in open)
        {
            var urgent = r.Urgency == Urgency.Routine ? "" : $" ({ReferralWords.Describe(r.Urgency).ToLowerInvariant()})";
            var text = $"{ReferralWords.Describe(r.Category)}{urgent} from {r.By}{(r.What is null ? "" : ": " + r.What)}";
            items.Add(new Item(r.Status == ReferralStatus.Raised ? Kind.ReferralNew : Kind.ReferralOpen, $"/referrals/{r.Id}", r.StudentId, r.Student,
                text, DateOnly.FromDateTime(r.RaisedAt)));
        }
    }

    /// <summary>
    /// Safeguarding actions set for the viewer (due within a week or overdue) — what they ask only when the safeguarding
    /// team shared it, never the concern's words — and, for the safeguarding team, monitoring periods whose review date
    /// has come.
    /// </summary>
    private async Task SafeguardingAsync(StudentScope scope, DateOnly today, List<Item> items, CancellationToken ct)
    {
        var v = scope.Viewer;
        var soon = today.AddDays(7);
        var actions = await db.SafeguardingEntries.AsNoTracking()
            .Where(e => e.OwnerStaffId == v.StaffId && e.InstitutionId == v.InstitutionId && e.Kind == SafeguardingEntryKind.Action && e.DoneAt == null && e.DueOn <= soon)
            .OrderBy(e => e.DueOn).Take(200)
            .Select(e => new
            {
                e.Id,
                e.StudentId,
                Student = db.Students.Where(s => s.Id == e.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                By = db.Staff.Where(s => s.Id == e.RecordedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                Text = e.SharedWithOwner ? e.Text : null,
                Due = e.DueOn!.Value,
            })
            .ToListAsync(ct);
        items.AddRange(actions.Select(a => new Item(a.Due < today ? Kind.SafeguardingActionOverdue : Kind.SafeguardingActionDue, $"/safeguarding/actions/{a.Id}", a.StudentId, a.Student,
            a.Text is null ? $"An action from the safeguarding team ({a.By}): open it to see what to do" : $"From the safeguarding team ({a.By}): {a.Text}", a.Due)));
        if (!v.Safeguarding.Team)
        {
            return;
        }
        // Everything below is about children in the viewer's remit (all of them, unless a deputy is limited).
        // A senior leader broke the glass on a child's record: the team sees who, when and why until one of them marks it seen.
        var glass = db.SafeguardingBreakGlass.AsNoTracking().Where(b => b.InstitutionId == v.InstitutionId && b.SeenAt == null);
        if (v.Safeguarding.Limited)
        {
            var remit = referrals.SafeguardingStudents(v);
            glass = glass.Where(b => remit.Contains(b.StudentId));
        }
        var openings = await glass
            .OrderBy(b => b.OpenedAt).Take(200)
            .Select(b => new
            {
                b.StudentId,
                Student = db.Students.Where(s => s.Id == b.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                By = db.Staff.Where(s => s.Id == b.StaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                b.OpenedAt,
                b.Reason,
            })
            .ToListAsync(ct);
        items.AddRange(openings.Select(b => new Item(Kind.BreakGlass, $"/students/{b.StudentId}/safeguarding#openings", b.StudentId, b.Student,
            $"{b.By} opened the safeguarding record (break-glass) at {b.OpenedAt:HH:mm}: {b.Reason}", DateOnly.FromDateTime(b.OpenedAt))));
        // The team chases actions it set for others that are past their date.
        var late = await referrals.ReadableEntries(v).AsNoTracking()
            .Where(e => e.InstitutionId == v.InstitutionId && e.Kind == SafeguardingEntryKind.Action && e.DoneAt == null && e.DueOn < today && e.OwnerStaffId != v.StaffId)
            .OrderBy(e => e.DueOn).Take(200)
            .Select(e => new
            {
                e.Id,
                e.StudentId,
                Student = db.Students.Where(s => s.Id == e.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                Owner = db.Staff.Where(s => s.Id == e.OwnerStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                e.Text,
                Due = e.DueOn!.Value,
            })
            .ToListAsync(ct);
        items.AddRange(late.Select(a => new Item(Kind.SafeguardingActionOverdue, $"/students/{a.StudentId}/safeguarding#entry-{a.Id}", a.StudentId, a.Student,
            $"Not done by {a.Owner}: {a.Text}", a.Due)));
        var reviews = await referrals.ReadableEntries(v).AsNoTracking()
            .Where(e => e.InstitutionId == v.InstitutionId && e.Kind == SafeguardingEntryKind.Monitoring && e.DueOn <= today
                && !db.SafeguardingEntries.Any(later => later.StudentId == e.StudentId && later.Kind == SafeguardingEntryKind.Monitoring && later.Id > e.Id))
            .OrderBy(e => e.DueOn).Take(200)
            .Select(e => new
            {
                e.StudentId,
                Student = db.Students.Where(s => s.Id == e.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                Due = e.DueOn!.Value,
            })
            .ToListAsync(ct);
        items.AddRange(reviews.Select(r => new Item(Kind.SafeguardingReview, $"/students/{r.StudentId}/safeguarding", r.StudentId, r.Student,
            "Monitoring review due: continue the monitoring to a new date, or end it", r.Due)));
        // A child who left: their child-protection file goes to the next school within 5 school days; unacknowledged, chase it.
        items.AddRange((await transfers.ToSendAsync(v, today, ct)).Select(t => new Item(Kind.ChildProtectionFileToSend, $"/students/{t.StudentId}/safeguarding/transfer", t.StudentId, t.Student,
            $"Left on {t.LeftOn:d MMMM}{(t.LeavingReason is { } why ? $" ({why})" : "")}: send the child-protection file to the next school by {t.DueOn:dddd d MMMM}", t.DueOn)));
        items.AddRange((await transfers.ToChaseAsync(v, today, ct)).Select(t => new Item(Kind.ChildProtectionFileChase, $"/students/{t.StudentId}/safeguarding/transfer", t.StudentId, t.Student,
            $"No acknowledgement yet of the child-protection file sent to {t.ToSchool} on {t.SentOn:d MMMM}: chase it", t.ChaseFrom!.Value)));
    }

    /// <summary>The viewer's wellbeing cases whose review is due within a week or overdue (the wellbeing team's; the
    /// summary is the team's, so the item says only the stage).</summary>
    private async Task WellbeingAsync(StudentScope scope, DateOnly today, List<Item> items, CancellationToken ct)
    {
        if (!scope.Viewer.May(Operation.UseWellbeingCases))
        {
            return;
        }
        var me = scope.Viewer.StaffId;
        var soon = today.AddDays(7);
        var due = await db.WellbeingCases.AsNoTracking()
            .Where(c => c.OwnerStaffId == me && c.InstitutionId == scope.Viewer.InstitutionId && c.ClosedOn == null && c.NextReview <= soon)
            .OrderBy(c => c.NextReview).Take(200)
            .Select(c => new { c.Id, c.StudentId, Student = db.Students.Where(s => s.Id == c.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(), c.Stage, c.NextReview })
            .ToListAsync(ct);
        items.AddRange(due.Select(c => new Item(c.NextReview < today ? Kind.WellbeingReviewOverdue : Kind.WellbeingReviewDue, $"/wellbeing/{c.Id}", c.StudentId, c.Student,
            $"Wellbeing review ({Wellbeing.WellbeingStages.All.FirstOrDefault(s => s.Number == c.Stage)?.Name ?? $"stage {c.Stage}"})", c.NextReview)));
    }

    /// <summary>Support plan steps (targets, reviews, statutory steps) that are the viewer's — theirs by name, or of a plan
    /// they own when the step names nobody — due within a week or overdue, on plans still running.</summary>
    private async Task SupportPlansAsync(StudentScope scope, DateOnly today, List<Item> items, CancellationToken ct)
    {
        var me = scope.Viewer.StaffId;
        var until = today.AddDays(7);
        var steps = await db.SupportPlanSteps.AsNoTracking()
            .Where(s => s.InstitutionId == scope.Viewer.InstitutionId && s.DoneAt == null && s.DueOn <= until)
            .Join(db.SupportPlans.Where(p => p.EndedOn == null), s => s.PlanId, p => p.Id, (s, p) => new { s, p })
            .Where(x => x.s.OwnerStaffId == me || (x.s.OwnerStaffId == null && x.p.OwnerStaffId == me))
            .OrderBy(x => x.s.DueOn).Take(200)
            .Select(x => new
            {
                x.s.PlanId,
                x.s.StudentId,
                Student = db.Students.Where(st => st.Id == x.s.StudentId).Select(st => (st.PreferredName ?? st.FirstName) + " " + st.LastName).First(),
                x.p.Kind,
                x.s.Title,
                x.s.DueOn,
            })
            .ToListAsync(ct);
        items.AddRange(steps.Select(s => new Item(s.DueOn < today ? Kind.SupportPlanStepOverdue : Kind.SupportPlanStepDue, $"/support-plans/{s.PlanId}#steps", s.StudentId, s.Student,
            $"{SupportPlans.SupportPlanKinds.Name(s.Kind)}: {s.Title}", s.DueOn)));
    }

    /// <summary>A tutor's own tutees: 1:1s due this week or overdue, and parents to contact after serious incidents.</summary>
    private async Task OwnTuteesAsync(StudentScope scope, DateOnly today, List<Item> items, CancellationToken ct)
    {
        // The tutor's own students, once, as ids: every query below then uses the indexes on student_id.
        // With the tutees of anyone the viewer covers today (all of them, or the group covered).
        var me = scope.Viewer.StaffId;
        var tutors = scope.Covers.Where(c => c.TutorGroupId is null).Select(c => c.TutorStaffId).Append(me).ToList();
        var groups = scope.Covers.Select(c => c.TutorGroupId).OfType<int>().ToList();
        var own = await scope.Pastoral(db).Where(s => s.OnRoll && ((s.TutorGroup != null && s.TutorGroup.TutorStaffId != null && tutors.Contains(s.TutorGroup.TutorStaffId.Value))
            || (s.TutorGroupId != null && groups.Contains(s.TutorGroupId.Value))
            || db.CaseloadMembers.Any(c => c.StudentId == s.Id && tutors.Contains(c.StaffId) && c.From <= today && (c.To == null || c.To >= today))))
            .Select(s => s.Id).ToListAsync(ct);
        var schedule = await oneToOnes.HandleAsync(scope, today, own, ct);
        Lap("1:1 schedule");
        items.AddRange(schedule.Where(d => d.State != Rules.OneToOneSchedule.State.Later).Select(d => new Item(
            d.State == Rules.OneToOneSchedule.State.Overdue ? Kind.OneToOneOverdue : Kind.OneToOneDue, $"/students/{d.StudentId}/one-to-one", d.StudentId, d.Student,
            d.LastHeld is { } last ? $"1:1 review{(d.Prioritised ? " (prioritised, every 2 weeks)" : "")}; last {last:d MMM}" : "First 1:1 review of the year", d.NextDue)));
        await SuggestionsAsync(own, today, items, ct);
        Lap("suggestions");
        var incidents = await fortyEightHours.HandleAsync(own, today.AddDays(-14), today, ct);
        Lap("48 hours");
        items.AddRange(incidents.Where(i => i.State is Rules.ParentContactRule.State.Due or Rules.ParentContactRule.State.Missed).Select(i => new Item(
            i.State == Rules.ParentContactRule.State.Missed ? Kind.ParentContactMissed : Kind.ParentContactDue, $"/students/{i.StudentId}#parents", i.StudentId, i.Student,
            $"Contact home after {i.Category} on {i.On:d MMM} (by {i.Deadline:d MMM})", i.Deadline)));
    }

    /// <summary>Cases the rules suggest for the tutor's own students without an open case (<see cref="Rules.CaseSuggestions"/>).</summary>
    private async Task SuggestionsAsync(IReadOnlyCollection<int> own, DateOnly today, List<Item> items, CancellationToken ct)
    {
        var thisWeek = Rules.Weeks.StartOf(today);
        var from = thisWeek.AddDays(-7 * Rules.CaseSuggestions.AttendanceWeeks);
        var students = await db.Students.Where(s => own.Contains(s.Id) && !db.InterventionCases.Any(c => c.StudentId == s.Id && c.Status == CaseStatus.Open && c.DeletedAt == null))
            .Select(s => new
            {
                s.Id,
                Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName,
                Risk = db.StudentSummaries.Where(x => x.StudentId == s.Id).Select(x => (int?)x.RiskScore).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = students.Select(s => s.Id).ToList();
        var weeks = (await db.AttendanceWeeks.AsNoTracking()
                .Where(w => ids.Contains(w.StudentId) && w.WeekStart >= from && w.WeekStart < thisWeek)
                .ToListAsync(ct))
            .ToLookup(w => w.StudentId);
        foreach (var s in students)
        {
            var percents = weeks[s.Id].Where(w => w.Possible > 0).OrderBy(w => w.WeekStart).Select(w => Rules.AttendanceFigures.Of(w).AttendancePercent).ToList();
            var why = Rules.CaseSuggestions.Attendance(percents)
                ?? (s.Risk >= Rules.CohortFigures.HighRiskFrom ? $"early-warning score {s.Risk}" : null);
            if (why is not null)
            {
                items.Add(new Item(Kind.SuggestedCase, $"/students/{s.Id}#casework", s.Id, s.Name, $"Consider opening a case: {why}", today));
            }
        }
    }
}
