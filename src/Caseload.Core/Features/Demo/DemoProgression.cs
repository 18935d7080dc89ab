using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Demo;

/// <summary>
/// Progression for the demo: this year's application cycle with UCAS applications and choices for about a third of the
/// top year (a few offers already in), and two years of leavers with where they went — the earlier year's first two terms
/// over, so its sustained figures are final; the later year's still in progress.
/// </summary>
internal static class DemoProgression
{
    private static readonly (string Provider, string Course)[] Places =
    [
        ("University of Leeds", "Law"), ("University of York", "History"), ("University of Manchester", "Biomedical Sciences"),
        ("University of Sheffield", "Mechanical Engineering"), ("Nottingham Trent University", "Psychology"), ("University of Liverpool", "Nursing (Adult)"),
        ("Newcastle University", "Computer Science"), ("Sheffield Hallam University", "Primary Education"), ("University of Hull", "English Literature"),
        ("Leeds Beckett University", "Sport and Exercise Science"), ("University of Bradford", "Pharmacy"), ("Durham University", "Mathematics"),
    ];

    private static readonly string[] Employers = ["Northern Rail", "Yorkshire Water", "NHS Leeds Teaching Hospitals", "Kier Group", "Halifax", "Local authority"];

    public static async Task AddAsync(CaseloadDbContext db, TimeProvider clock, int institutionId, int seed, CancellationToken ct)
    {
        var rng = new Random(seed ^ 0x3d7);
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var years = await db.YearGroups.AsNoTracking().Where(y => y.InstitutionId == institutionId).ToListAsync(ct);
        var top = years.OrderByDescending(y => int.TryParse(y.Code, out var n) ? n : 0).FirstOrDefault();
        if (top is null)
        {
            return;
        }
        var entry = (today.Month >= 8 ? today.Year : today.Year - 1) + 1; // students now in the top year start in this autumn
        ReferenceCycle Cycle(int year) => new()
        {
            InstitutionId = institutionId,
            Name = $"{year} entry",
            EarlyDeadline = new DateOnly(year - 1, 10, 15),
            MainDeadline = new DateOnly(year, 1, 14),
            CentreStatement = "We are a sixth-form college of about 1,200 students in a town where one family in three lives on a low income; many of our students are the first in their family to apply to university.",
            UpdatedAt = now,
            UpdatedBy = "demo",
        };
        var current = Cycle(entry);
        db.ReferenceCycles.AddRange(Cycle(entry - 1), current);
        await db.SaveChangesAsync(ct);

        // This year's applicants: a third of the top year, each with three to five choices; offers start arriving in November.
        var applicants = await db.Students.AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.OnRoll && s.YearGroupId == top.Id && s.TutorGroup != null && s.TutorGroup.TutorStaffId != null)
            .OrderBy(s => s.Id).Select(s => new { s.Id, Tutor = s.TutorGroup!.TutorStaffId!.Value }).ToListAsync(ct);
        foreach (var s in applicants.Where(_ => rng.NextDouble() < 0.33))
        {
            var application = new Application
            {
                InstitutionId = institutionId,
                StudentId = s.Id,
                CycleId = current.Id,
                Route = ApplicationRoute.UcasUndergraduate,
                Status = ReferenceStatus.Started,
                CreatedByStaffId = s.Tutor,
                CreatedAt = now.AddDays(-rng.Next(20, 60)),
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync(ct);
            foreach (var (provider, course) in Places.OrderBy(_ => rng.Next()).Take(rng.Next(3, 6)))
            {
                var offered = today.Month is >= 11 or <= 7 && rng.NextDouble() < 0.3;
                db.ApplicationChoices.Add(new ApplicationChoice
                {
                    ApplicationId = application.Id,
                    Provider = provider,
                    Course = course,
                    Status = offered ? ChoiceStatus.ConditionalOffer : ChoiceStatus.Applied,
                    Conditions = offered ? [.. "ABB".Select(g => new OfferCondition { Grade = g.ToString() })] : [],
                    UpdatedAt = now,
                    UpdatedBy = $"staff:{s.Tutor}",
                });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Two years of leavers, and what they did next.
        var groups = await db.TutorGroups.AsNoTracking().Where(g => g.InstitutionId == institutionId && g.YearGroupId == top.Id && g.TutorStaffId != null)
            .Select(g => new { g.Id, Tutor = g.TutorStaffId!.Value }).ToListAsync(ct);
        if (groups.Count == 0)
        {
            return;
        }
        var n = 0;
        foreach (var leftIn in new[] { entry - 2, entry - 1 })
        {
            var left = LastFriday(new DateOnly(leftIn, 7, 21));
            var cycle = leftIn == entry - 1 ? await db.ReferenceCycles.AsNoTracking().FirstAsync(c => c.InstitutionId == institutionId && c.Name == $"{leftIn} entry", ct) : null;
            for (var i = 0; i < 24; i++, n++)
            {
                var group = groups[i % groups.Count];
                var first = DemoNames.Given[rng.Next(DemoNames.Given.Length)];
                var student = new Student
                {
                    InstitutionId = institutionId,
                    ExternalId = $"L{leftIn % 100:00}{i + 1:000}",
                    FirstName = first,
                    LastName = DemoNames.Family[rng.Next(DemoNames.Family.Length)],
                    DateOfBirth = new DateOnly(leftIn - 18, 1, 1).AddDays(rng.Next(0, 365)),
                    YearGroupId = top.Id,
                    TutorGroupId = group.Id,
                    OnRoll = false,
                    LeftOn = left,
                    LeavingReason = "Completed the course",
                    UpdatedAt = now,
                    UpdatedBy = "demo",
                };
                db.Students.Add(student);
                await db.SaveChangesAsync(ct);
                var roll = rng.NextDouble();
                var autumn = new DateOnly(leftIn, 9, 20).AddDays(rng.Next(0, 10));
                var (kind, where, to) = roll switch
                {
                    < 0.55 => (DestinationKind.HigherEducation, Places[rng.Next(Places.Length)].Provider, rng.NextDouble() < 0.1 ? autumn.AddMonths(4) : (DateOnly?)null),
                    < 0.70 => (DestinationKind.Apprenticeship, Employers[rng.Next(Employers.Length)], null),
                    < 0.85 => (DestinationKind.Employment, Employers[rng.Next(Employers.Length)], rng.NextDouble() < 0.3 ? autumn.AddMonths(3) : null),
                    < 0.92 => (DestinationKind.FurtherEducation, "Leeds City College", null),
                    _ => (DestinationKind.NotInEducationOrWork, (string?)null, (DateOnly?)null),
                };
                if (roll < 0.97)
                {
                    db.DestinationActivities.Add(new DestinationActivity
                    {
                        InstitutionId = institutionId,
                        StudentId = student.Id,
                        Kind = kind,
                        Provider = where,
                        Detail = "From the student, by e-mail",
                        From = kind == DestinationKind.NotInEducationOrWork ? left.AddDays(1) : autumn,
                        To = to,
                        RecordedByStaffId = group.Tutor,
                        UpdatedAt = now,
                        UpdatedBy = $"staff:{group.Tutor}",
                    });
                }
                if (cycle is not null && kind == DestinationKind.HigherEducation)
                {
                    var application = new Application
                    {
                        InstitutionId = institutionId,
                        StudentId = student.Id,
                        CycleId = cycle.Id,
                        Route = ApplicationRoute.UcasUndergraduate,
                        Status = ReferenceStatus.Released,
                        CreatedByStaffId = group.Tutor,
                        CreatedAt = now.AddYears(-1),
                    };
                    db.Applications.Add(application);
                    await db.SaveChangesAsync(ct);
                    db.ApplicationChoices.Add(new ApplicationChoice
                    {
                        ApplicationId = application.Id,
                        Provider = where!,
                        Course = Places.First(p => p.Provider == where).Course,
                        Status = ChoiceStatus.UnconditionalOffer,
                        Reply = ChoiceReply.Firm,
                        UpdatedAt = now,
                        UpdatedBy = $"staff:{group.Tutor}",
                    });
                }
            }
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    private static DateOnly LastFriday(DateOnly day)
    {
        while (day.DayOfWeek != DayOfWeek.Friday)
        {
            day = day.AddDays(-1);
        }
        return day;
    }
}
