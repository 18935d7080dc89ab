namespace Caseload.Core.Domain;

/// <summary>
/// One application cycle ("2027 entry"): its deadlines and the centre's statement — section 1 of every UCAS reference
/// written in it, shared by all the institution's applicants (decision 0021).
/// </summary>
public sealed class ReferenceCycle : IVersioned
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Name { get; set; }
    /// <summary>Oxford, Cambridge and most medicine, dentistry and veterinary courses (15 October).</summary>
    public DateOnly EarlyDeadline { get; set; }
    /// <summary>The equal-consideration date for everything else (mid to late January).</summary>
    public DateOnly MainDeadline { get; set; }
    /// <summary>Section 1: about the school or college (its context, what affects its students' results).</summary>
    public string? CentreStatement { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }

    public const int NameLength = 40;
}
