namespace Caseload.Core.Domain;

/// <summary>
/// One of the places a student applied to in an application (a university course through UCAS, an apprenticeship vacancy,
/// a job): its status, the offer's grade conditions and the student's reply (decision 0022). The firm choice's conditions
/// are checked against the results on results day.
/// </summary>
public sealed class ApplicationChoice : IVersioned
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    /// <summary>The university, college or employer.</summary>
    public required string Provider { get; set; }
    /// <summary>The course, vacancy or role.</summary>
    public required string Course { get; set; }
    /// <summary>The UCAS course code or the vacancy's reference, when there is one.</summary>
    public string? Code { get; set; }
    public ChoiceStatus Status { get; set; }
    public ChoiceReply Reply { get; set; }
    /// <summary>Conditions that are not grades ("a pass in the EPQ", "DBS check"), in words.</summary>
    public string? OtherConditions { get; set; }
    public List<OfferCondition> Conditions { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }

    public const int ProviderLength = 120;
    public const int CourseLength = 120;
    public const int CodeLength = 20;
    public const int OtherConditionsLength = 300;
    /// <summary>UCAS allows five choices; apprenticeship and job applications rarely need more on record.</summary>
    public const int MaxChoices = 10;
    public const int MaxConditions = 6;
}

public enum ChoiceStatus
{
    Applied = 0,
    ConditionalOffer = 1,
    UnconditionalOffer = 2,
    Unsuccessful = 3,
    Withdrawn = 4,
    /// <summary>The student turned the offer down.</summary>
    Declined = 5,
}

public enum ChoiceReply
{
    None = 0,
    Firm = 1,
    Insurance = 2,
}

/// <summary>A grade an offer asks for: in a named course of the student's, or (no course) in any other subject.</summary>
public sealed class OfferCondition
{
    public long Id { get; set; }
    public long ChoiceId { get; set; }
    public int? CourseId { get; set; }
    public required string Grade { get; set; }
}
