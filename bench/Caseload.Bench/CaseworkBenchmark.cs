using System.Diagnostics;
using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.Students;
using Caseload.Core.Hosting;
using Caseload.Core.Security;
using Caseload.Data.Postgres;
using Caseload.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Bench;

/// <summary>
/// The casework benchmark (issue 5). On a database holding <c>caseload demo --students 4000</c>, first brings casework up to
/// a year's volume (bench/casework-bench.sh): 20,000 cases (3 events and 2 actions each; one in ten open), 60,000 1:1
/// meetings (2 targets each), 100,000 behaviour events, 8,000 referrals and 20,000 parent contacts, spread over every
/// student. Then times, in-process and uncached (each call a fresh scope, as the first request after a change):
/// a tutor's inbox, a student's profile with its timeline (as their tutor), and a senior tutor's inbox (their team's
/// overdue reviews and escalations) — p50/p95/p99 over many calls across different people.
/// </summary>
internal static class CaseworkBenchmark
{
    public static async Task RunAsync(string provider, string connection, DateOnly today, int calls)
    {
        var database = new DatabaseSelection(provider == "Postgres" ? new PostgresProvider() : new SqliteProvider(), connection);
        var clock = new AnalyticsBenchmark.FixedClock(today);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddCaseloadCore(database).BuildServiceProvider();
        await using (var context = database.CreateContext())
        {
            var institution = await context.Institutions.Where(i => i.Code == "DEMO").Select(i => i.Id).SingleAsync();
            var watch = Stopwatch.StartNew();
            await SeedAsync(context, institution, today);
            Console.WriteLine($"{provider}: seeded in {watch.Elapsed.TotalSeconds:0} s: {await context.Students.CountAsync():N0} students, {await context.InterventionCases.CountAsync():N0} cases, "
                + $"{await context.CaseEvents.CountAsync():N0} case events, {await context.OneToOneMeetings.CountAsync():N0} meetings, {await context.PlanTargets.CountAsync():N0} targets, "
                + $"{await context.BehaviourEvents.CountAsync():N0} behaviour events, {await context.Referrals.CountAsync():N0} referrals, {await context.ParentContacts.CountAsync():N0} parent contacts");
            if (provider == "Postgres")
            {
                await context.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }
        List<int> tutors, seniors, students;
        await using (var context = database.CreateContext())
        {
            tutors = await context.StaffRoles.Where(r => r.Role == Roles.Tutor && !context.StaffRoles.Any(x => x.StaffId == r.StaffId && x.Role == Roles.SeniorTutor)).Select(r => r.StaffId).ToListAsync();
            seniors = await context.StaffRoles.Where(r => r.Role == Roles.SeniorTutor).Select(r => r.StaffId).ToListAsync();
            students = await context.Students.Where(s => s.TutorGroupId != null).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        }
        Console.WriteLine($"{tutors.Count} tutors, {seniors.Count} senior tutors; {calls} calls each, after 20 warm-up calls");
        var parts = new Dictionary<string, double>();
        await TimeAsync("tutor's inbox", calls, i => tutors[i % tutors.Count], async (s, scope, _) =>
        {
            var inbox = s.GetRequiredService<GetInbox>();
            inbox.Timings = parts;
            return await inbox.HandleAsync(scope, today);
        });
        Console.WriteLine("    of which, on average: " + string.Join(", ", parts.Select(p => $"{p.Key} {p.Value / (calls + 20):0.0} ms")));
        await TimeAsync("senior tutor's inbox (team's overdue reviews)", calls, i => seniors[i % seniors.Count], async (s, scope, _) =>
            await s.GetRequiredService<GetInbox>().HandleAsync(scope, today));
        var rng = new Random(5);
        var picked = Enumerable.Range(0, calls + 20).Select(_ => students[rng.Next(students.Count)]).ToList();
        await using (var context = database.CreateContext())
        {
            var tutorOf = await context.Students.Where(s => picked.Contains(s.Id)).Select(s => new { s.Id, Tutor = s.TutorGroup!.TutorStaffId!.Value }).ToDictionaryAsync(s => s.Id, s => s.Tutor);
            await TimeAsync("student profile with timeline (as their tutor)", calls, i => tutorOf[picked[i]], async (s, scope, i) =>
                await s.GetRequiredService<GetStudentProfile>().HandleAsync(scope, picked[i], today));
            var timeline = 0;
            await using var scope = services.CreateAsyncScope();
            var viewer = await StudentScope.ForAsync(scope.ServiceProvider.GetRequiredService<CaseloadDbContext>(),
                (await Viewers.ForStaffAsync(scope.ServiceProvider.GetRequiredService<CaseloadDbContext>(), tutorOf[picked[0]]))!);
            timeline = (await scope.ServiceProvider.GetRequiredService<GetStudentProfile>().HandleAsync(viewer, picked[0], today))!.Timeline.Count;
            Console.WriteLine($"(a profile's timeline holds e.g. {timeline} entries)");
        }

        async Task TimeAsync(string what, int n, Func<int, int> staffOf, Func<IServiceProvider, StudentScope, int, Task<object?>> work)
        {
            var times = new List<double>();
            var items = 0L;
            for (var i = 0; i < n + 20; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CaseloadDbContext>();
                scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "bench";
                var watch = Stopwatch.StartNew();
                var viewer = await StudentScope.ForAsync(db, (await Viewers.ForStaffAsync(db, staffOf(i)))!);
                var result = await work(scope.ServiceProvider, viewer, i);
                var ms = watch.Elapsed.TotalMilliseconds;
                if (i >= 20)
                {
                    times.Add(ms);
                    items += result is GetInbox.Result r ? r.Items.Count : 0;
                }
            }
            times.Sort();
            double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
            Console.WriteLine($"  {what,-48} p50 {P(0.50),7:0.0} ms  p95 {P(0.95),7:0.0} ms  p99 {P(0.99),7:0.0} ms  max {times[^1],7:0.0} ms"
                + (items > 0 ? $"  ({items / (double)times.Count:0} items on average)" : ""));
        }
    }

    /// <summary>Adds synthetic casework up to the benchmark's volumes (idempotent: tops up what is missing).</summary>
    private static async Task SeedAsync(CaseloadDbContext db, int institution, DateOnly today)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rng = new Random(2026);
        var students = await db.Students.Where(s => s.InstitutionId == institution && s.TutorGroupId != null)
            .Select(s => new { s.Id, Tutor = s.TutorGroup!.TutorStaffId!.Value }).ToListAsync();
        var start = today.AddDays(-300);
        DateOnly Day() => start.AddDays(rng.Next(0, 300));
        var now = today.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

        for (var have = await db.InterventionCases.CountAsync(); have < 20_000; have += 1000)
        {
            var batch = new List<InterventionCase>();
            for (var i = 0; i < 1000; i++)
            {
                var s = students[rng.Next(students.Count)];
                var opened = Day();
                var open = rng.NextDouble() < 0.1;
                var c = new InterventionCase
                {
                    InstitutionId = institution,
                    StudentId = s.Id,
                    Stage = rng.Next(1, 4),
                    Reason = (CaseReason)rng.Next(0, 6),
                    Summary = "Benchmark case: attendance and homework",
                    OwnerStaffId = s.Tutor,
                    OpenedOn = opened,
                    NextReview = open ? today.AddDays(rng.Next(-20, 14)) : opened.AddDays(14),
                    Status = open ? CaseStatus.Open : CaseStatus.Closed,
                    ClosedOn = open ? null : opened.AddDays(rng.Next(14, 60)),
                    Outcome = open ? null : "Improved",
                    CreatedAt = now,
                    CreatedBy = $"staff:{s.Tutor}",
                    UpdatedAt = now,
                    UpdatedBy = $"staff:{s.Tutor}",
                };
                c.Actions.Add(new CaseAction { What = "Call home", Who = "Tutor", Due = opened.AddDays(3), Done = true, DoneOn = opened.AddDays(3) });
                c.Actions.Add(new CaseAction { What = "Weekly check-in", Who = "Student", Due = open ? today.AddDays(rng.Next(-10, 10)) : opened.AddDays(10), Done = !open });
                batch.Add(c);
            }
            db.InterventionCases.AddRange(batch);
            await db.SaveChangesAsync();
            db.CaseEvents.AddRange(batch.SelectMany(c => new[]
            {
                new CaseEvent { CaseId = c.Id, At = c.OpenedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), By = c.CreatedBy, Kind = CaseEventKind.Opened, ToStage = 1, Text = "Opened at Stage 1" },
                new CaseEvent { CaseId = c.Id, At = c.OpenedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), By = c.CreatedBy, Kind = CaseEventKind.ActionAdded, ToStage = 1, Text = "Action: call home" },
                new CaseEvent { CaseId = c.Id, At = c.OpenedOn.AddDays(7).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), By = c.CreatedBy, Kind = CaseEventKind.Reviewed, ToStage = c.Stage, Text = "Reviewed" },
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        for (var have = await db.OneToOneMeetings.CountAsync(); have < 60_000; have += 2000)
        {
            var batch = new List<OneToOneMeeting>();
            for (var i = 0; i < 2000; i++)
            {
                var s = students[rng.Next(students.Count)];
                batch.Add(new OneToOneMeeting
                {
                    InstitutionId = institution,
                    StudentId = s.Id,
                    StaffId = s.Tutor,
                    HeldOn = Day(),
                    Notes = "Benchmark 1:1: talked through attendance, grades and next steps.",
                    StudentView = "Going fine.",
                    RecordedAt = now,
                    RecordedBy = $"staff:{s.Tutor}",
                    UpdatedAt = now,
                    UpdatedBy = $"staff:{s.Tutor}",
                });
            }
            db.OneToOneMeetings.AddRange(batch);
            await db.SaveChangesAsync();
            db.PlanTargets.AddRange(batch.SelectMany(m => Enumerable.Range(0, 2).Select(k => new PlanTarget
            {
                StudentId = m.StudentId,
                SetInMeetingId = m.Id,
                Text = k == 0 ? "Hand in homework on time" : "Attend every session",
                Owner = TargetOwner.Student,
                Due = m.HeldOn.AddDays(14),
                Status = rng.NextDouble() < 0.9 ? PlanTargetStatus.Achieved : PlanTargetStatus.Open,
            })));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var behaviour = await db.BehaviourEvents.CountAsync();
        for (var i = 0; behaviour + i < 100_000; i++)
        {
            var s = students[rng.Next(students.Count)];
            var negative = rng.NextDouble() < 0.6;
            db.BehaviourEvents.Add(new BehaviourEvent
            {
                StudentId = s.Id,
                ExternalKey = $"bench:{i}",
                Date = Day(),
                Type = negative ? BehaviourType.Negative : BehaviourType.Positive,
                Category = negative ? (rng.NextDouble() < 0.05 ? "Bullying" : "Disruption") : "Effort",
                Points = negative ? -rng.Next(1, 4) : rng.Next(1, 3),
                Description = "Benchmark event",
                RecordedAt = now,
                RecordedBy = "bench",
            });
            if (i % 5000 == 4999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        for (var have = await db.Referrals.CountAsync(); have < 8_000; have++)
        {
            var s = students[rng.Next(students.Count)];
            var raised = Day().ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            var done = rng.NextDouble() < 0.95;
            db.Referrals.Add(new Referral
            {
                InstitutionId = institution,
                StudentId = s.Id,
                Category = ReferralCategory.Concern,
                Urgency = Urgency.Routine,
                What = "Benchmark concern",
                RaisedByStaffId = s.Tutor,
                RaisedAt = raised,
                ToStaffId = s.Tutor,
                Status = done ? ReferralStatus.Closed : ReferralStatus.Raised,
                ClosedAt = done ? raised.AddDays(3) : null,
            });
        }
        for (var have = await db.ParentContacts.CountAsync(); have < 20_000; have++)
        {
            var s = students[rng.Next(students.Count)];
            db.ParentContacts.Add(new ParentContact
            {
                InstitutionId = institution,
                StudentId = s.Id,
                Method = ContactMethod.Call,
                With = "Parent",
                On = Day(),
                Summary = "Benchmark call home",
                StaffId = s.Tutor,
                RecordedAt = now,
                RecordedBy = "bench",
                UpdatedAt = now,
                UpdatedBy = "bench",
            });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
