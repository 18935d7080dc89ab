namespace Caseload.Core.Domain;

/// <summary>
/// A student's application in a cycle and its reference: the route, the predicted grades (from contributions), and the
/// reference's sections 2 (extenuating circumstances, optional) and 3 (supportive information), drafted by the tutor,
/// checked and released by the senior tutor. Never shown to the student (decision 0021).
/// </summary>
public sealed class Application : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public int CycleId { get; set; }
    public ApplicationRoute Route { get; set; }
    /// <summary>Applying to a course with the early deadline (Oxford, Cambridge, medicine, dentistry, veterinary).</summary>
    public bool EarlyDeadline { get; set; }
    public ReferenceStatus Status { get; set; }
    public string? Extenuating { get; set; }
    public string? Supportive { get; set; }
    public int CreatedByStaffId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? PredictionsSignedOffByStaffId { get; set; }
    public DateTime? PredictionsSignedOffAt { get; set; }
    public int? DraftedByStaffId { get; set; }
    public DateTime? DraftedAt { get; set; }
    public int? CheckedByStaffId { get; set; }
    public DateTime? CheckedAt { get; set; }
    public int? ReleasedByStaffId { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public int Version { get; set; }

    /// <summary>UCAS's limit for the whole reference, all three sections, spaces and line breaks included.</summary>
    public const int ReferenceLength = 4000;
}

public enum ApplicationRoute
{
    UcasUndergraduate = 0,
    Apprenticeship = 1,
    Employment = 2,
    Other = 3,
}

public enum ReferenceStatus
{
    /// <summary>Started; contributions not yet asked for.</summary>
    Started = 0,
    /// <summary>Contributions asked of the student's subject teachers.</summary>
    Requested = 1,
    ContributionsIn = 2,
    Drafted = 3,
    Checked = 4,
    Released = 5,
}
