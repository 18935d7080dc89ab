using System.Text;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Demo;

/// <summary>
/// Creates the demo institution by importing <see cref="DemoData"/>'s files through the ordinary import use
/// cases, so the demo exercises exactly the path a school's data takes.
/// </summary>
public sealed class GenerateDemo(CaseloadDbContext db, TimeProvider clock, CreateInstitution create, Importer importer, UserManager<CaseloadUser> users, AuditActor audit)
{
    public const string DefaultCode = "DEMO";
    public const string Actor = "demo";

    public sealed record Request(int Students = 1200, int Seed = 2026, string Code = DefaultCode,
        string Name = "Riverside Sixth Form College", DateOnly? Today = null, bool FullYear = false);

    public sealed record Result(Institution Institution, IReadOnlyDictionary<string, ImportResult> Imports, DateOnly TermStart, DateOnly TermEnd)
    {
        /// <summary>Invented end-of-year outcomes (CSV) for trying <c>caseload risk evaluate</c> on the demo.</summary>
        public string Outcomes { get; init; } = "";
    }

    public async Task<Result> HandleAsync(Request request, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (request.Students is < 20 or > 60_000)
        {
            throw new ValidationException($"students must be from 20 to 60000; got {request.Students}");
        }
        var today = request.Today ?? clock.Today();
        audit.Name = Actor;
        progress?.Report("generating");
        var files = DemoData.Build(request.Students, request.Seed, today, request.FullYear);
        var institution = await create.HandleAsync(new CreateInstitution.Request(request.Code, request.Name, InstitutionKind.SixthFormCollege, IsDemo: true), ct);
        await EnsureAcademicYearAsync(institution.Id, files.TermStart, ct);

        var results = new Dictionary<string, ImportResult>();
        foreach (var kind in DemoData.Order)
        {
            progress?.Report(kind);
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(files.Csv[kind]));
            var result = await importer.RunAsync(kind, new ImportRequest(institution.Id, $"demo/{kind}.csv", content, Actor, AsOf: today), ct);
            if (!result.Succeeded)
            {
                // The generator and the importer disagree: a bug, not bad input.
                throw new InvalidOperationException($"demo {kind} import was refused: {string.Join("; ", result.Problems.Take(5))}");
            }
            results[kind] = result;
        }

        progress?.Report("contacts");
        var students = await Lookups.StudentsAsync(db, institution.Id, ct);
        db.StudentContacts.AddRange(files.Contacts.Select(c => new StudentContact
        {
            StudentId = students[c.StudentId],
            Name = c.Name,
            Relationship = c.Relationship,
            Phone = c.Phone,
            Email = c.Email,
            Priority = c.Priority,
            ParentalResponsibility = c.Relationship is "Mother" or "Father" or "Carer",
            Address = c.Address,
            LivesWithStudent = c.LivesWithStudent,
            NoContact = c.NoContact,
            PreferredMethod = c.PreferredMethod,
            UpdatedAt = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc),
            UpdatedBy = "demo",
        }));
        var staff = await Lookups.StaffAsync(db, institution.Id, ct);
        foreach (var year in await db.YearGroups.Where(y => y.InstitutionId == institution.Id).ToListAsync(ct))
        {
            year.ProgressLeaderStaffId = files.ProgressLeaders.TryGetValue(year.Code, out var leader) ? staff[leader] : null;
        }
        // Earlier data drops are over: only the latest is still open for entries.
        var points = await db.DataPoints.Where(d => d.InstitutionId == institution.Id).OrderByDescending(d => d.Date).ToListAsync(ct);
        foreach (var point in points.Skip(1))
        {
            point.IsOpen = false;
        }
        await db.SaveChangesAsync(ct);

        // Every demo member of staff can sign in with the documented demo password. One hash serves them all:
        // hashing is deliberately slow, and these passwords are public anyway.
        progress?.Report("accounts");
        var hash = users.PasswordHasher.HashPassword(new CaseloadUser(), IdentitySetup.DemoPassword);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in await db.Staff.AsNoTracking().Where(s => s.InstitutionId == institution.Id).ToListAsync(ct))
        {
            db.Users.Add(new CaseloadUser
            {
                StaffId = person.Id,
                UserName = person.Email,
                NormalizedUserName = users.NormalizeName(person.Email),
                Email = person.Email,
                NormalizedEmail = users.NormalizeEmail(person.Email),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        progress?.Report("casework");
        await CaseworkAsync(institution.Id, request.Seed, ct);
        progress?.Report("1:1s, referrals and contact home");
        await DemoCasework.AddAsync(db, clock, institution.Id, request.Seed, ct);
        progress?.Report("applications and destinations");
        await DemoProgression.AddAsync(db, clock, institution.Id, request.Seed, ct);
        return new Result(institution, results, files.TermStart, files.TermEnd) { Outcomes = files.Csv["outcomes"] };
    }

    /// <summary>
    /// Believable casework for the students the early warning ranks highest: a Stage 1 case opened three weeks ago by
    /// their tutor with a call home (done or overdue), the worst escalated to Stage 2 or 3, so the inbox, the profile's
    /// Casework tab and the case pages have something real.
    /// </summary>
    private async Task CaseworkAsync(int institutionId, int seed, CancellationToken ct)
    {
        var rng = new Random(seed ^ 0xca5e);
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.StudentSummaries.AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.RiskScore >= 40)
            .OrderByDescending(s => s.RiskPoints)
            .Select(s => new
            {
                s.StudentId,
                s.RiskScore,
                s.RiskReasons,
                Tutor = db.Students.Where(x => x.Id == s.StudentId).Select(x => x.TutorGroup == null ? null : x.TutorGroup.TutorStaffId).First(),
            })
            .ToListAsync(ct);
        foreach (var s in candidates.Where(c => c.Tutor is not null).Take(Math.Max(1, candidates.Count * 2 / 3)))
        {
            var tutor = s.Tutor!.Value;
            var by = $"staff:{tutor}";
            var reason = s.RiskReasons.StartsWith("attendance", StringComparison.Ordinal) ? CaseReason.Attendance
                : s.RiskReasons.Contains("below target", StringComparison.Ordinal) ? CaseReason.Progress
                : s.RiskReasons.Contains("lates", StringComparison.Ordinal) ? CaseReason.Punctuality
                : s.RiskReasons.Contains("behaviour", StringComparison.Ordinal) ? CaseReason.Behaviour : CaseReason.Other;
            var first = s.RiskReasons.Split('\n')[0];
            var opened = today.AddDays(-rng.Next(10, 35));
            var openedAt = opened.ToDateTime(new TimeOnly(8, 40), DateTimeKind.Utc);
            var stage = s.RiskScore >= 70 ? 3 : s.RiskScore >= 58 ? 2 : 1;
            var c = new InterventionCase
            {
                InstitutionId = institutionId,
                StudentId = s.StudentId,
                Stage = stage,
                Reason = reason,
                Summary = $"Concern: {first}.",
                OwnerStaffId = tutor, // stages 1–3 are the tutor's
                OpenedOn = opened,
                // About one in four reviews is overdue.
                NextReview = rng.NextDouble() < 0.25 ? today.AddDays(-rng.Next(1, 6)) : today.AddDays(rng.Next(1, 14)),
                Status = CaseStatus.Open,
                CreatedAt = openedAt,
                CreatedBy = by,
                UpdatedAt = openedAt,
                UpdatedBy = by,
            };
            var callDue = opened.AddDays(3);
            var done = rng.NextDouble() < 0.7;
            c.Actions.Add(new CaseAction { What = "Phone home to talk about the concern", Who = "Tutor", Due = callDue, Done = done, DoneOn = done ? callDue : null });
            c.Actions.Add(new CaseAction { What = "Agree a weekly target with the student", Who = "Student", Due = today.AddDays(rng.Next(-3, 8)) });
            db.InterventionCases.Add(c);
            await db.SaveChangesAsync(ct);
            var events = new List<CaseEvent>
            {
                new() { CaseId = c.Id, At = openedAt, By = by, Kind = CaseEventKind.Opened, ToStage = 1, Text = $"Opened at Stage 1 for {reason.ToString().ToLowerInvariant()}: {c.Summary}" },
                new() { CaseId = c.Id, At = openedAt.AddMinutes(5), By = by, Kind = CaseEventKind.ActionAdded, ToStage = 1, Text = $"Action for Tutor by {callDue:d MMM yyyy}: Phone home to talk about the concern" },
            };
            if (done)
            {
                events.Add(new() { CaseId = c.Id, At = callDue.ToDateTime(new TimeOnly(16, 10), DateTimeKind.Utc), By = by, Kind = CaseEventKind.ActionDone, FromStage = 1, ToStage = 1, Text = "Done: Phone home to talk about the concern (Tutor)" });
            }
            for (var from = 1; from < stage; from++)
            {
                events.Add(new()
                {
                    CaseId = c.Id,
                    At = openedAt.AddDays(7 * from),
                    By = by,
                    Kind = CaseEventKind.Escalated,
                    FromStage = from,
                    ToStage = from + 1,
                    Text = $"Escalated from Stage {from} to Stage {from + 1}, now owned by the tutor: no improvement since the last review"
                });
            }
            db.CaseEvents.AddRange(events);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private async Task EnsureAcademicYearAsync(int institutionId, DateOnly date, CancellationToken ct)
    {
        var year = AcademicCalendar.YearContaining(institutionId, date);
        if (!await db.AcademicYears.AnyAsync(y => y.InstitutionId == institutionId && y.Name == year.Name, ct))
        {
            db.AcademicYears.Add(year);
            await db.SaveChangesAsync(ct);
        }
    }
}
