namespace Caseload.Core.Domain;

/// <summary>A school or college. One database holds several (a trust); nothing crosses between them.</summary>
public sealed class Institution
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public InstitutionKind Kind { get; set; }
    /// <summary>Invented data from <c>caseload demo</c>: safe to show without sign-in, and the only place demo passwords work.</summary>
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Roles whose members must sign in with a second factor, comma-separated; see <see cref="Security.TwoFactorPolicy"/>.</summary>
    public string TwoFactorRoles { get; set; } = Security.TwoFactorPolicy.Default;
    /// <summary>Goes up after every change to the data (see <see cref="Data.DataVersion"/>); cached views are keyed by it.</summary>
    public long DataVersion { get; set; }
    /// <summary>Attendance at or above this is shown as good (default 95%); see <see cref="Rules.AttendanceBands"/>.</summary>
    public decimal AttendanceGoodFrom { get; set; } = 95m;
    /// <summary>Attendance at or above this (and below good) is shown as one to watch (default 90%); below it, low.</summary>
    public decimal AttendanceWatchFrom { get; set; } = 90m;
    /// <summary>The early-warning weights as <c>factor=weight</c> pairs (see <see cref="Rules.RiskWeights"/>); null means the defaults.</summary>
    public string? RiskWeights { get; set; }
}

public enum InstitutionKind
{
    SecondarySchool,
    SixthFormCollege,
    FurtherEducationCollege,
}

public sealed class AcademicYear
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public List<Term> Terms { get; set; } = [];
}

public sealed class Term
{
    public int Id { get; set; }
    public int AcademicYearId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}

public sealed class YearGroup
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The Progress Leader (Head of Year) who owns the year group.</summary>
    public int? ProgressLeaderStaffId { get; set; }
}

public sealed class House
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int? HeadStaffId { get; set; }
}

public sealed class TutorGroup
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public int YearGroupId { get; set; }
    public int? TutorStaffId { get; set; }
    public YearGroup? YearGroup { get; set; }
    public Staff? Tutor { get; set; }
}

/// <summary>A senior tutor leads a team of tutors: one row per (senior tutor, tutor) pair.</summary>
public sealed class TutorTeamMember
{
    public int InstitutionId { get; set; }
    public int SeniorTutorStaffId { get; set; }
    public int TutorStaffId { get; set; }
}

/// <summary>
/// A student on a tutor's caseload individually, outside their tutor group (FE colleges assign this way).
/// A tutor's caseload is the students of the tutor groups they run plus these rows.
/// </summary>
public sealed class CaseloadMember
{
    public int StaffId { get; set; }
    public int StudentId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

public sealed class Student
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    /// <summary>The MIS's identifier: the natural key of every import.</summary>
    public required string ExternalId { get; set; }
    public string? Upn { get; set; }
    public string? Uln { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? PreferredName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string? Gender { get; set; }
    public int YearGroupId { get; set; }
    public int? TutorGroupId { get; set; }
    public int? HouseId { get; set; }
    public bool Disadvantaged { get; set; }
    public bool Send { get; set; }
    public bool Ehcp { get; set; }
    public bool LookedAfter { get; set; }
    public bool YoungCarer { get; set; }
    public bool Eal { get; set; }
    public bool MostAble { get; set; }
    /// <summary>Average GCSE score or the institution's own baseline; drives minimum expected grades.</summary>
    public decimal? PriorAttainment { get; set; }
    public bool OnRoll { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public YearGroup? YearGroup { get; set; }
    public TutorGroup? TutorGroup { get; set; }
    public House? House { get; set; }
    public List<StudentContact> Contacts { get; set; } = [];

    public string DisplayName => $"{PreferredName ?? FirstName} {LastName}";
}

public sealed class StudentContact
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public required string Name { get; set; }
    public required string Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int Priority { get; set; }
    public bool ParentalResponsibility { get; set; }
}

public sealed class Staff
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string ExternalId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public bool Active { get; set; } = true;
    public List<StaffRole> Roles { get; set; } = [];

    public string DisplayName => $"{FirstName} {LastName}";
}

public sealed class StaffRole
{
    public int StaffId { get; set; }
    public required string Role { get; set; }
}
