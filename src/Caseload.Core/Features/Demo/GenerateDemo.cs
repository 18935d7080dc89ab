using System.Text;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Imports;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Import;
using Caseload.Core.Security;
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
        var today = request.Today ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
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
            var result = await importer.RunAsync(kind, new ImportRequest(institution.Id, $"demo/{kind}.csv", content, Actor), ct);
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
        return new Result(institution, results, files.TermStart, files.TermEnd) { Outcomes = files.Csv["outcomes"] };
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
