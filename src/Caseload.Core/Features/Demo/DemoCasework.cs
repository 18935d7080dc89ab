using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Demo;

/// <summary>
/// Believable 1:1s, action plans, referrals and contact home for the demo: most students seen once or twice this year,
/// some overdue; targets from the team's bank, reviewed at the next meeting; a few referrals a week to the tutors and the
/// teams (a handful of safeguarding concerns); parents contacted after most serious incidents (some late, some missed)
/// and good news sent home.
/// </summary>
internal static class DemoCasework
{
    private static readonly (string Area, string Text)[] BankTargets =
    [
        ("Attendance", "Attend every session next week, and tell the tutor before 9am if ill"),
        ("Attendance", "Be in the building by 8.50am every day for the next two weeks"),
        ("Organisation", "Use a planner for every deadline and show it to the tutor on Fridays"),
        ("Organisation", "Hand in every piece of homework on time for the next three weeks"),
        ("Progress", "Go to the subject's drop-in session once a week"),
        ("Progress", "Redo the last assessment's weakest question with the teacher's feedback"),
        ("Progress", "Spend 30 minutes a day on independent study in the library"),
        ("Wellbeing", "Talk to the wellbeing team about sleep and routine"),
        ("Wellbeing", "Join one enrichment activity this half term"),
        ("Behaviour", "No behaviour points for the next two weeks"),
        ("Careers", "Book a careers interview and research two university courses"),
        ("Careers", "Draft a personal statement opening paragraph"),
    ];

    private static readonly string[] Notes =
    [
        "Talked through attendance and the last data drop. Engaged and honest about what is getting in the way.",
        "Reviewed grades against targets; agreed where extra work is needed. Positive about the course.",
        "Discussed organisation: missing deadlines in two subjects. Agreed to use a planner.",
        "Checked in on wellbeing after a difficult few weeks. Feels more settled; knows where to get help.",
        "Looked at next steps after college; keen on university, needs to start researching courses.",
        "Quiet at first; opened up about travel problems making them late. Agreed a plan.",
    ];

    private static readonly string[] Views =
    [
        "I know I need to be in more. Mornings are hard.", "I'm enjoying it but falling behind in one subject.",
        "I want to do better in my mocks.", "Things at home have been busy, it's getting better.", "I feel on top of things.",
    ];

    public static async Task AddAsync(CaseloadDbContext db, TimeProvider clock, int institutionId, int seed, CancellationToken ct)
    {
        var rng = new Random(seed ^ 0x1a1);
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var yearStart = (await Institutions.AcademicCalendar.ForAsync(db, institutionId, today, ct)).YearStart;
        if (yearStart == DateOnly.MinValue)
        {
            return;
        }
        db.BankTargets.AddRange(BankTargets.Select(b => new BankTarget { InstitutionId = institutionId, Area = b.Area, Text = b.Text, CreatedAt = now, CreatedBy = "demo" }));
        await db.SaveChangesAsync(ct);

        var students = await db.Students.AsNoTracking().Where(s => s.InstitutionId == institutionId && s.OnRoll)
            .Select(s => new
            {
                s.Id,
                Tutor = s.TutorGroup == null ? null : s.TutorGroup.TutorStaffId,
                Risk = db.StudentSummaries.Where(x => x.StudentId == s.Id).Select(x => (int?)x.RiskScore).FirstOrDefault(),
                Parent = db.StudentContacts.Where(c => c.StudentId == s.Id).OrderBy(c => c.Priority).Select(c => c.Name + " (" + c.Relationship.ToLower() + ")").FirstOrDefault(),
            })
            .OrderBy(s => s.Id).ToListAsync(ct);

        // 1:1s: the first in the first six weeks, the next six weeks later if it has come; about one in ten is behind.
        foreach (var batch in students.Where(s => s.Tutor is not null).Chunk(500))
        {
            var meetings = new List<(OneToOneMeeting Meeting, int Round)>();
            foreach (var s in batch)
            {
                if (rng.NextDouble() < 0.04)
                {
                    continue;
                }
                var prioritised = OneToOneSchedule.PrioritisedByRules(s.Risk);
                var held = yearStart.AddDays(rng.Next(21, 42));
                for (var round = 0; held <= today.AddDays(-1); round++)
                {
                    meetings.Add((Meeting(institutionId, s.Id, s.Tutor!.Value, held, rng), round));
                    var step = 7 * (prioritised ? OneToOneSchedule.PrioritisedEveryWeeks : OneToOneSchedule.EveryWeeks);
                    held = held.AddDays(step + rng.Next(-3, 4));
                    if (rng.NextDouble() < 0.06)
                    {
                        break; // fell behind
                    }
                }
            }
            db.OneToOneMeetings.AddRange(meetings.Select(m => m.Meeting));
            await db.SaveChangesAsync(ct);
            foreach (var perStudent in meetings.GroupBy(m => m.Meeting.StudentId))
            {
                var ordered = perStudent.Select(m => m.Meeting).OrderBy(m => m.HeldOn).ToList();
                for (var i = 0; i < ordered.Count; i++)
                {
                    var m = ordered[i];
                    var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
                    foreach (var (area, text) in BankTargets.OrderBy(_ => rng.Next()).Take(2))
                    {
                        var status = next is null ? PlanTargetStatus.Open
                            : rng.NextDouble() switch { < 0.55 => PlanTargetStatus.Achieved, < 0.8 => PlanTargetStatus.PartlyAchieved, < 0.95 => PlanTargetStatus.NotAchieved, _ => PlanTargetStatus.Dropped };
                        db.PlanTargets.Add(new PlanTarget
                        {
                            StudentId = m.StudentId,
                            SetInMeetingId = m.Id,
                            ReviewedInMeetingId = status == PlanTargetStatus.Open ? null : next!.Id,
                            Text = text,
                            Owner = area == "Careers" || rng.NextDouble() < 0.8 ? TargetOwner.Student : TargetOwner.Tutor,
                            Due = m.HeldOn.AddDays(14 + rng.Next(0, 15)),
                            Status = status,
                        });
                    }
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // Referrals: a few a week over the last six weeks, from teachers and tutors; most answered within hours.
        var staff = await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institutionId && s.Active)
            .Select(s => new { s.Id, Roles = s.Roles.Select(r => r.Role).ToList() }).ToListAsync(ct);
        var teachers = staff.Where(s => s.Roles.Contains(Roles.SubjectTeacher)).Select(s => s.Id).ToList();
        int? Holder(string role) => staff.FirstOrDefault(s => s.Roles.Contains(role))?.Id;
        (ReferralCategory Category, string What)[] kinds =
        [
            (ReferralCategory.Concern, "Has missed three of the last four lessons and seemed withdrawn when in."),
            (ReferralCategory.Concern, "Homework not handed in for three weeks; says they are working long hours at a job."),
            (ReferralCategory.Concern, "Fell asleep in two lessons this week; struggling to keep up."),
            (ReferralCategory.Wellbeing, "Became very upset in class after a test; says they are not sleeping."),
            (ReferralCategory.LearningSupport, "Finds reading the exam papers hard under time pressure; may need an assessment for extra time."),
            (ReferralCategory.Careers, "Wants to change plans from university to an apprenticeship; needs advice before the UCAS deadline."),
            (ReferralCategory.Counsellor, "Asked to speak to someone about a bereavement in the family."),
            (ReferralCategory.Safeguarding, "Disclosed something at break that needs the safeguarding team today."),
        ];
        var count = Math.Max(8, students.Count / 40);
        var referred = students.Where(s => s.Tutor is not null).OrderBy(_ => rng.Next()).Take(count).ToList();
        foreach (var (s, i) in referred.Select((s, i) => (s, i)))
        {
            var (category, what) = kinds[i % kinds.Length];
            // One in five arrived today and waits to be acknowledged.
            var raised = i % 5 == 4 ? now.AddHours(-rng.Next(1, 5)) : now.AddDays(-rng.Next(1, 42)).AddHours(-rng.Next(0, 6));
            var team = Referrals.ReferralAccess.TeamOf(category);
            var r = new Referral
            {
                InstitutionId = institutionId,
                StudentId = s.Id,
                Category = category,
                Urgency = category == ReferralCategory.Safeguarding ? Urgency.Urgent : rng.NextDouble() < 0.2 ? Urgency.Soon : Urgency.Routine,
                Restricted = category == ReferralCategory.Safeguarding,
                What = what,
                RaisedByStaffId = teachers.Count > 0 ? teachers[rng.Next(teachers.Count)] : s.Tutor!.Value,
                RaisedAt = raised,
                ToStaffId = team is null ? s.Tutor : null,
                ToRole = team,
                Status = ReferralStatus.Raised,
            };
            var receiver = r.ToStaffId ?? Holder(team!) ?? s.Tutor!.Value;
            var age = (now - raised).TotalDays;
            if (age > 0.5)
            {
                (r.Status, r.AcknowledgedAt, r.AcknowledgedByStaffId) = (ReferralStatus.Acknowledged, raised.AddHours(rng.Next(1, 30)), receiver);
                if (age > 4)
                {
                    (r.Status, r.ActedAt, r.ActedByStaffId) = (ReferralStatus.ActedOn, r.AcknowledgedAt.Value.AddHours(rng.Next(2, 48)), receiver);
                    r.ActionTaken = "Spoke to the student; next steps agreed and noted.";
                    if (age > 14)
                    {
                        (r.Status, r.ClosedAt, r.ClosedByStaffId, r.Outcome) = (ReferralStatus.Closed, r.ActedAt.Value.AddDays(rng.Next(2, 8)), receiver, "Resolved; will keep an eye on it at the next 1:1.");
                    }
                }
            }
            db.Referrals.Add(r);
        }
        await db.SaveChangesAsync(ct);
        await WellbeingAsync(db, institutionId, today, now, Holder(Roles.Wellbeing), Holder(Roles.Counsellor), ct);

        // Contact home: after most serious incidents of the last two months (some late, some missed), and good news.
        var since = today.AddDays(-60);
        var incidents = await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.Type == BehaviourType.Negative && e.Date >= since && db.Students.Any(s => s.Id == e.StudentId && s.InstitutionId == institutionId)
                && (e.Points <= ParentContactRule.SeriousFromPoints || e.Category.ToLower().Contains("bully") || e.Category.ToLower().Contains("racis")))
            .Select(e => new { e.StudentId, e.Date, e.Category })
            .ToListAsync(ct);
        var byId = students.ToDictionary(s => s.Id);
        foreach (var e in incidents)
        {
            if (!byId.TryGetValue(e.StudentId, out var s) || s.Tutor is null || rng.NextDouble() < 0.15)
            {
                continue; // missed
            }
            var on = e.Date.AddDays(rng.NextDouble() < 0.85 ? rng.Next(0, 2) : rng.Next(3, 6));
            if (on > today)
            {
                continue;
            }
            db.ParentContacts.Add(Contact(institutionId, s.Id, s.Tutor.Value, s.Parent ?? "Parent", on, ContactMethod.Call, false,
                $"Called about the {e.Category.ToLowerInvariant()} incident on {e.Date:d MMM}; explained what happened and the sanction.", "Parent supportive; will talk to them at home."));
        }
        foreach (var s in students.Where(s => s.Tutor is not null && rng.NextDouble() < 0.08))
        {
            db.ParentContacts.Add(Contact(institutionId, s.Id, s.Tutor!.Value, s.Parent ?? "Parent", today.AddDays(-rng.Next(1, 50)),
                rng.NextDouble() < 0.5 ? ContactMethod.Email : ContactMethod.Call, true, "Good news: excellent effort and a big improvement in the last few weeks.", null));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await SupportPlansAsync(db, institutionId, today, now, students.Where(s => s.Tutor is not null).Select(s => (s.Id, s.Tutor!.Value)).ToList(), seed, ct);
        await BehaviourAsync(db, now, today, students.Where(s => s.Tutor is not null).Select(s => (s.Id, s.Tutor!.Value)).ToList(), rng, ct);
        await DealtWithAsync(db, institutionId, today, rng, ct);
        await CourseChangesAsync(db, institutionId, now, [.. students.Where(s => s.Tutor is not null).Select(s => (s.Id, s.Tutor!.Value))], seed, ct);
        // The incidents count towards the early warning like any behaviour event.
        await Analytics.StudentSummaries.RecomputeAsync(db, institutionId, null, today, now, ct);
    }

    /// <summary>
    /// A few support plans so the pages have something to show: pastoral support plans a few weeks in, SEN support plans
    /// and a reduced timetable, owned by the tutor, with their dated steps — none due within the week, so the demo's inboxes
    /// are the casework's alone. Its own random numbers, so the rest of the demo is unchanged.
    /// </summary>
    /// <summary>
    /// A few course changes in progress, so the pages and inboxes have something to show: requests from tutors waiting for
    /// their senior tutor, one authorised and waiting for an administrator. None actioned, so every enrolment (and every
    /// figure drawn from them) stays as imported. Its own random numbers, so the rest of the demo is unchanged.
    /// </summary>
    private static async Task CourseChangesAsync(CaseloadDbContext db, int institutionId, DateTime now, List<(int Id, int Tutor)> students, int seed, CancellationToken ct)
    {
        var rng = new Random(seed ^ 0x2c6);
        var reasons = await new CourseChanges.ChangeReasons(db).ListAsync(institutionId, activeOnly: true, ct);
        var personal = reasons.First(r => r.IlrCode == 44).Id;
        var transfer = reasons.First(r => r.IlrCode == ChangeReason.TransferCode).Id;
        var leaders = await db.TutorTeamMembers.AsNoTracking().Where(t => t.InstitutionId == institutionId).ToDictionaryAsync(t => t.TutorStaffId, t => t.SeniorTutorStaffId, ct);
        var courses = await db.Courses.AsNoTracking().Where(c => c.InstitutionId == institutionId).Select(c => c.Id).ToListAsync(ct);
        var picked = students.Where(s => leaders.ContainsKey(s.Tutor)).Where(_ => rng.NextDouble() < 0.006).Take(8).ToList();
        var enrolments = (await db.Enrolments.AsNoTracking().Where(e => picked.Select(p => p.Id).Contains(e.StudentId)).Select(e => new { e.StudentId, e.CourseId }).ToListAsync(ct))
            .ToLookup(e => e.StudentId, e => e.CourseId);
        var n = 0;
        foreach (var (id, tutor) in picked)
        {
            var mine = enrolments[id].ToList();
            if (mine.Count < 2)
            {
                continue;
            }
            var from = mine[rng.Next(mine.Count)];
            var swap = n % 3 == 1;
            var to = swap ? courses.Where(c => !mine.Contains(c)).OrderBy(_ => rng.Next()).First() : (int?)null;
            var asked = now.AddDays(-rng.Next(1, 6)).AddHours(-rng.Next(0, 6));
            var authorised = n == 2;
            db.CourseChanges.Add(new CourseChange
            {
                InstitutionId = institutionId,
                StudentId = id,
                Kind = swap ? CourseChangeKind.Swap : CourseChangeKind.Drop,
                FromCourseId = from,
                ToCourseId = to,
                ReasonId = swap ? transfer : personal,
                Details = swap
                    ? "Struggling with the content since the first assessment; has sat in on two lessons of the other course and wants to move while there is time to catch up."
                    : "Working long hours at a part-time job and falling behind on all three courses; wants to concentrate on the other two.",
                StudentView = "Keen to make the change.",
                ParentView = rng.NextDouble() < 0.5 ? "Supportive; spoke to the tutor by phone." : null,
                Status = authorised ? CourseChangeStatus.Authorised : CourseChangeStatus.Requested,
                RequestedByStaffId = tutor,
                RequestedAt = asked,
                DecidedByStaffId = authorised ? leaders[tutor] : null,
                DecidedAt = authorised ? asked.AddHours(20) : null,
                DecisionNote = authorised ? "Agreed at the review with the student and parent." : null,
            });
            n++;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The wellbeing team's cases: one for each wellbeing or counselling referral it has acknowledged, at a check-in
    /// or with the counsellor, a few with their review due this week.</summary>
    private static async Task WellbeingAsync(CaseloadDbContext db, int institutionId, DateOnly today, DateTime now, int? practitioner, int? counsellor, CancellationToken ct)
    {
        if (practitioner is null)
        {
            return;
        }
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.InstitutionId == institutionId && r.ToRole == Roles.Wellbeing && r.AcknowledgedAt != null && (r.Category == ReferralCategory.Wellbeing || r.Category == ReferralCategory.Counsellor))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.StudentId, r.Category, r.AcknowledgedAt }).ToListAsync(ct);
        var open = new HashSet<int>();
        foreach (var (r, i) in referrals.Select((r, i) => (r, i)))
        {
            if (!open.Add(r.StudentId))
            {
                continue;
            }
            var counselling = r.Category == ReferralCategory.Counsellor && counsellor is not null;
            var stage = Wellbeing.WellbeingStages.Of(counselling ? 3 : 1 + (i % 2));
            var opened = DateOnly.FromDateTime(r.AcknowledgedAt!.Value);
            var review = opened.AddDays(stage.ReviewDays);
            var c = new WellbeingCase
            {
                InstitutionId = institutionId,
                StudentId = r.StudentId,
                ReferralId = r.Id,
                Stage = stage.Number,
                Summary = counselling ? "Bereavement in the family; asked to see a counsellor." : "Not sleeping and anxious about tests; check-ins agreed.",
                OwnerStaffId = counselling ? counsellor!.Value : practitioner.Value,
                OpenedOn = opened,
                NextReview = review < today ? today.AddDays(1 + (i % 6)) : review,
                CreatedAt = now,
                CreatedByStaffId = practitioner.Value,
            };
            db.WellbeingCases.Add(c);
            await db.SaveChangesAsync(ct);
            db.WellbeingNotes.Add(Wellbeing.WellbeingCaseChanges.Note(c, WellbeingNoteKind.Opened, $"Opened at stage {stage.Number} ({stage.Name}): {c.Summary}", opened, practitioner.Value, now));
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SupportPlansAsync(CaseloadDbContext db, int institutionId, DateOnly today, DateTime now, List<(int Id, int Tutor)> students, int seed, CancellationToken ct)
    {
        var rng = new Random(seed ^ 0x5b5);
        foreach (var (id, tutor) in students.Where(_ => rng.NextDouble() < 0.015))
        {
            var kind = rng.NextDouble() switch { < 0.5 => SupportPlanKind.PastoralSupport, < 0.9 => SupportPlanKind.SenSupport, _ => SupportPlanKind.ReducedTimetable };
            var starts = today.AddDays(-7 * rng.Next(2, 5));
            DateOnly? ends = kind == SupportPlanKind.ReducedTimetable ? starts.AddDays(56) : null;
            var sections = kind switch
            {
                SupportPlanKind.PastoralSupport => new Dictionary<string, string> { ["concerns"] = "Two fixed-term suspensions this term for defiance in lessons.", ["targets"] = "Stay in every lesson; use the time-out card instead of walking out.", ["support"] = "Daily check-in with the tutor; mentoring once a week." },
                SupportPlanKind.SenSupport => new Dictionary<string, string> { ["needs"] = "Slow processing speed; reading age below chronological age.", ["outcomes"] = "Complete coursework to deadlines with extra time.", ["provision"] = "Extra time (25%), printed notes before lessons, a reader in tests." },
                _ => new Dictionary<string, string> { ["why"] = "Returning after a long illness; a gradual return agreed with the GP.", ["return"] = "Mornings only for 4 weeks, then full days from week 5.", ["agreement"] = "Parent agreed at a meeting with the tutor." },
            };
            var plan = new SupportPlan
            {
                InstitutionId = institutionId,
                StudentId = id,
                Kind = kind,
                OwnerStaffId = tutor,
                StartsOn = starts,
                EndsOn = SupportPlans.SupportPlanKinds.EndOf(kind, starts, ends),
                HoursPerWeek = kind == SupportPlanKind.ReducedTimetable ? 12.5m : null,
                Sections = SupportPlans.SupportPlanAccess.Store(sections),
                Strategies = kind == SupportPlanKind.ReducedTimetable ? null : kind == SupportPlanKind.SenSupport ? "Printed notes before the lesson; check understanding one to one; allow extra time." : "Seat near the door; a 2-minute warning before transitions; praise in private.",
                CreatedAt = now,
                CreatedByStaffId = tutor,
                UpdatedAt = now,
                UpdatedByStaffId = tutor,
                Version = 1,
            };
            db.SupportPlans.Add(plan);
            await db.SaveChangesAsync(ct);
            db.SupportPlanVersions.Add(new SupportPlanVersion { PlanId = plan.Id, Number = 1, SavedAt = now, SavedByStaffId = tutor, Sections = "{}" });
            db.SupportPlanVersions.Add(new SupportPlanVersion { PlanId = plan.Id, Number = 2, SavedAt = now, SavedByStaffId = tutor, Sections = plan.Sections, Strategies = plan.Strategies });
            foreach (var step in SupportPlans.SupportPlanKinds.StepsFor(kind, starts, null, ends))
            {
                var done = step.DueOn < today.AddDays(8);
                db.SupportPlanSteps.Add(new SupportPlanStep
                {
                    PlanId = plan.Id,
                    InstitutionId = institutionId,
                    StudentId = id,
                    Kind = step.Kind,
                    Title = step.Title,
                    DueOn = step.DueOn,
                    DoneAt = done ? now : null,
                    DoneByStaffId = done ? tutor : null,
                    Outcome = done ? "Reviewed with the student and a parent: good progress; carry on." : null,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// A progress leader deals with most incidents within a day or two: all but about one in twenty-five of those before
    /// the last school day are marked dealt with, so the behaviour log shows the recent ones and a few left waiting.
    /// </summary>
    private static async Task DealtWithAsync(CaseloadDbContext db, int institutionId, DateOnly today, Random rng, CancellationToken ct)
    {
        var before = Rules.SchoolDays.Previous(today);
        var older = await db.BehaviourEvents.AsNoTracking()
            .Where(e => e.Type == BehaviourType.Negative && e.Date < before && !db.BehaviourReviews.Any(r => r.BehaviourEventId == e.Id))
            .Join(db.Students.Where(s => s.InstitutionId == institutionId), e => e.StudentId, s => s.Id,
                (e, s) => new { e.Id, e.Date, Leader = s.YearGroup!.ProgressLeaderStaffId, e.StaffId })
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
        foreach (var e in older.Where(_ => rng.NextDouble() >= 0.04))
        {
            var by = e.Leader ?? e.StaffId;
            if (by is null)
            {
                continue;
            }
            db.BehaviourReviews.Add(new BehaviourReview
            {
                BehaviourEventId = e.Id,
                ReviewedAt = Rules.SchoolDays.Add(e.Date, 1).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc),
                ReviewedByStaffId = by.Value,
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Incidents recorded in Caseload with the students in their roles (a perpetrator and a victim, sometimes a witness, from
    /// the same tutor group), some yesterday and today so the progress leaders' daily logs have something to review;
    /// sanctions after them; and a few students on report with their daily record.
    /// </summary>
    private static async Task BehaviourAsync(CaseloadDbContext db, DateTime now, DateOnly today, List<(int Id, int Tutor)> students, Random rng, CancellationToken ct)
    {
        var institutionId = await db.Students.Where(s => s.Id == students[0].Id).Select(s => s.InstitutionId).FirstAsync(ct);
        var byGroup = students.GroupBy(s => s.Tutor).Select(g => g.ToList()).Where(g => g.Count >= 3).ToList();
        (string Category, int Points, string What)[] kinds =
        [
            ("Bullying", -3, "Took another student's bag and threw it in the bin; the student was upset."),
            ("Fighting", -4, "Pushing and punches at the bus stop after college."),
            ("Racist incident", -3, "Racist remark made to another student in the canteen."),
            ("Disruption", -2, "Shouting across the class at another student; both moved apart."),
        ];
        var count = Math.Max(6, students.Count / 60);
        for (var i = 0; i < count; i++)
        {
            var group = byGroup[rng.Next(byGroup.Count)];
            var picked = group.OrderBy(_ => rng.Next()).Take(3).ToList();
            var (category, points, what) = kinds[i % kinds.Length];
            // The first few are yesterday and today: the daily log's.
            var on = i < 4 ? today.AddDays(-(i % 2)) : today.AddDays(-rng.Next(2, 50));
            var at = on.ToDateTime(new TimeOnly(11, 15), DateTimeKind.Utc);
            var staff = picked[0].Tutor;
            var incident = new BehaviourIncident
            {
                InstitutionId = institutionId,
                On = on,
                Category = category,
                Description = what,
                Location = rng.NextDouble() < 0.5 ? "Canteen" : "Corridor, B block",
                RecordedByStaffId = staff,
                RecordedAt = at > now ? now : at,
            };
            db.BehaviourIncidents.Add(incident);
            await db.SaveChangesAsync(ct);
            var e = new BehaviourEvent
            {
                StudentId = picked[0].Id,
                ExternalKey = $"incident:{incident.Id}:{picked[0].Id}",
                Date = on,
                Type = BehaviourType.Negative,
                Category = category,
                Points = points,
                Description = what,
                StaffId = staff,
                RecordedAt = incident.RecordedAt,
                RecordedBy = $"staff:{staff}",
            };
            db.BehaviourEvents.Add(e);
            await db.SaveChangesAsync(ct);
            db.IncidentStudents.Add(new IncidentStudent { IncidentId = incident.Id, StudentId = picked[0].Id, Role = IncidentRole.Perpetrator, Points = points, BehaviourEventId = e.Id });
            db.IncidentStudents.Add(new IncidentStudent { IncidentId = incident.Id, StudentId = picked[1].Id, Role = IncidentRole.Victim });
            if (rng.NextDouble() < 0.5)
            {
                db.IncidentStudents.Add(new IncidentStudent { IncidentId = incident.Id, StudentId = picked[2].Id, Role = IncidentRole.Witness });
            }
            if (points <= -3)
            {
                db.Sanctions.Add(new Sanction
                {
                    StudentId = picked[0].Id,
                    IncidentId = incident.Id,
                    Kind = points <= -4 ? SanctionKind.Isolation : SanctionKind.Detention,
                    On = on.AddDays(1),
                    Reason = $"{category} on {on:d MMM}",
                    Served = on.AddDays(1) < today,
                    SetByStaffId = staff,
                    SetAt = incident.RecordedAt,
                });
            }
        }
        await db.SaveChangesAsync(ct);

        // A few students on report since last Monday, with a record for each day so far.
        var monday = Rules.Weeks.StartOf(today).AddDays(-7);
        foreach (var s in students.OrderBy(_ => rng.Next()).Take(Math.Max(2, students.Count / 300)))
        {
            var report = new OnReport
            {
                StudentId = s.Id,
                From = monday,
                Targets = "Arrive on time to every lesson\nBring the right equipment\nNo behaviour points",
                Reason = "Lateness and low-level disruption over the last month",
                StartedByStaffId = s.Tutor,
            };
            for (var day = monday; day < today; day = day.AddDays(1))
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    var met = rng.Next(1, 4);
                    report.Days.Add(new ReportDay { Date = day, Met = met, Of = 3, Comment = met == 3 ? "A good day" : "Late to period 1", RecordedByStaffId = s.Tutor });
                }
            }
            db.OnReports.Add(report);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static OneToOneMeeting Meeting(int institutionId, int studentId, int tutor, DateOnly held, Random rng)
    {
        var at = held.ToDateTime(new TimeOnly(15, 30), DateTimeKind.Utc);
        return new OneToOneMeeting
        {
            InstitutionId = institutionId,
            StudentId = studentId,
            StaffId = tutor,
            HeldOn = held,
            Notes = Notes[rng.Next(Notes.Length)],
            StudentView = rng.NextDouble() < 0.7 ? Views[rng.Next(Views.Length)] : null,
            RecordedAt = at,
            RecordedBy = $"staff:{tutor}",
            UpdatedAt = at,
            UpdatedBy = $"staff:{tutor}",
        };
    }

    private static ParentContact Contact(int institutionId, int studentId, int staffId, string with, DateOnly on, ContactMethod method, bool positive, string summary, string? outcome)
    {
        var at = on.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
        return new ParentContact
        {
            InstitutionId = institutionId,
            StudentId = studentId,
            Method = method,
            Positive = positive,
            With = with,
            On = on,
            Summary = summary,
            Outcome = outcome,
            StaffId = staffId,
            RecordedAt = at,
            RecordedBy = $"staff:{staffId}",
            UpdatedAt = at,
            UpdatedBy = $"staff:{staffId}",
        };
    }
}
