using Caseload.Core.Domain;

namespace Caseload.Core.Security;

/// <summary>The member of staff a request acts for: who they are, where, and the roles the MIS gives them.</summary>
public sealed record Viewer(int StaffId, int InstitutionId, IReadOnlySet<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role);

    public bool HasAny(params string[] roles) => roles.Any(Roles.Contains);

    private readonly SafeguardingRemit _granted = SafeguardingRemit.None;

    /// <summary>How far they reach into the safeguarding record: the lead role (from the MIS) is the lead, unlimited;
    /// anyone else what the lead gave them, if anything.</summary>
    public SafeguardingRemit Safeguarding
    {
        get => Has(Domain.Roles.SafeguardingLead) ? SafeguardingRemit.Lead : _granted;
        init => _granted = value;
    }

    /// <summary>Roles that see every student of their institution (not restricted records: those are the designated team's).</summary>
    public bool SeesWholeInstitution =>
        HasAny(Domain.Roles.Administrator, Domain.Roles.SeniorLeader, Domain.Roles.SafeguardingLead, Domain.Roles.StudentServices);
}

/// <summary>How much of a student's record a viewer may see.</summary>
public enum StudentView
{
    /// <summary>Nothing; the student is not even acknowledged to exist (pages answer 404).</summary>
    None = 0,

    /// <summary>Academic data only: enrolments, targets and grades (a subject teacher's view of students they teach).</summary>
    Academic = 1,

    /// <summary>The pastoral record: attendance, behaviour, flags, contacts, casework (never restricted safeguarding records).</summary>
    Pastoral = 2,
}

/// <summary>A safeguarding level with its limits: null lists mean every category, every year group.</summary>
public sealed record SafeguardingRemit(SafeguardingLevel Level, IReadOnlyList<string>? Categories = null, IReadOnlyList<int>? YearGroupIds = null)
{
    public static readonly SafeguardingRemit None = new(SafeguardingLevel.Reporter);

    public static readonly SafeguardingRemit Lead = new(SafeguardingLevel.Lead);

    /// <summary>A deputy or lead: the team's work on concerns within the limits.</summary>
    public bool Team => Level >= SafeguardingLevel.Deputy;

    /// <summary>Limited to some categories or some year groups.</summary>
    public bool Limited => Categories is not null || YearGroupIds is not null;
}

public static class Viewers
{
    /// <summary>The viewer for a member of staff, with their roles; null when they are unknown or inactive.</summary>
    public static async Task<Viewer?> ForStaffAsync(Data.CaseloadDbContext db, int staffId, CancellationToken ct = default)
    {
        var staff = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Staff.Where(s => s.Id == staffId && s.Active).Select(s => new
            {
                s.Id,
                s.InstitutionId,
                Roles = s.Roles.Select(r => r.Role).ToList(),
                Grant = db.SafeguardingAccess.Where(g => g.StaffId == s.Id && g.InstitutionId == s.InstitutionId).Select(g => new { g.Level, g.Categories, g.YearGroupIds }).FirstOrDefault(),
            }), ct);
        if (staff is null)
        {
            return null;
        }
        var remit = staff.Grant is { } g
            ? new SafeguardingRemit(g.Level, SafeguardingAccessGrant.CategoriesOf(g.Categories), SafeguardingAccessGrant.YearGroupsOf(g.YearGroupIds))
            : SafeguardingRemit.None;
        var roles = staff.Roles.ToHashSet();
        if (roles.Contains(Domain.Roles.Counsellor))
        {
            roles.Add(Domain.Roles.Wellbeing); // a counsellor is a member of the wellbeing team
        }
        return new Viewer(staff.Id, staff.InstitutionId, roles) { Safeguarding = remit };
    }
}
