namespace Caseload.Core.Domain;

/// <summary>
/// What a student did after leaving, for a stretch of time: university, college, an apprenticeship, a job, or not in
/// education, employment or training. Together they give the actual destination and whether it was sustained
/// (<see cref="Rules.SustainedDestination"/>; decision 0022).
/// </summary>
public sealed class DestinationActivity : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public DestinationKind Kind { get; set; }
    /// <summary>The university, college or employer.</summary>
    public string? Provider { get; set; }
    /// <summary>The course or role, and where the information came from ("the student, by e-mail").</summary>
    public string? Detail { get; set; }
    public DateOnly From { get; set; }
    /// <summary>The last day; none while it continues.</summary>
    public DateOnly? To { get; set; }
    public int RecordedByStaffId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }

    public const int ProviderLength = 120;
    public const int DetailLength = 300;
    public const int MaxPerStudent = 20;
    /// <summary>How far back an activity may start (one may also start up to a year ahead: a place already accepted).</summary>
    public const int YearsBack = 6;
}

public enum DestinationKind
{
    HigherEducation = 0,
    FurtherEducation = 1,
    OtherEducation = 2,
    Apprenticeship = 3,
    Employment = 4,
    /// <summary>Not in education, employment or training.</summary>
    NotInEducationOrWork = 5,
    /// <summary>A gap year, volunteering, travel: recorded, but counts towards no sustained destination.</summary>
    Other = 6,
}
