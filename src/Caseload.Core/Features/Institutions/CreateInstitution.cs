using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Institutions;

/// <summary>Creates an institution with its default code table, grade scales and the current academic year.</summary>
public sealed class CreateInstitution(CaseloadDbContext db, TimeProvider clock)
{
    public sealed record Request(string Code, string Name, InstitutionKind Kind, bool IsDemo = false);

    public async Task<Institution> HandleAsync(Request request, CancellationToken ct = default)
    {
        var code = request.Code.Trim();
        if (code.Length is 0 or > 32 || request.Name.Trim().Length is 0 or > 200)
        {
            throw new ValidationException("code must be 1–32 characters and name 1–200 characters");
        }
        if (await db.Institutions.AnyAsync(i => i.Code == code, ct))
        {
            throw new ValidationException($"an institution with code '{code}' already exists; expected a new code");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var institution = new Institution { Code = code, Name = request.Name.Trim(), Kind = request.Kind, IsDemo = request.IsDemo, CreatedAt = now };
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);

        db.AttendanceCodes.AddRange(DefaultAttendanceCodes.For(institution.Id));
        db.GradeScales.AddRange(DefaultGradeScales.For(institution.Id));
        db.TargetBands.AddRange(DefaultTargetTable.Rows.Select(r => new TargetBand { InstitutionId = institution.Id, Scale = r.Scale, From = r.From, To = r.To, Grade = r.Grade }));
        db.AcademicYears.Add(AcademicCalendar.YearContaining(institution.Id, DateOnly.FromDateTime(now)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return institution;
    }
}
