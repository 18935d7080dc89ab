namespace Caseload.Core.Domain;

/// <summary>Days the institution is closed to students within an academic year: a holiday, an INSET day, a closure.</summary>
public sealed class Closure
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public ClosureKind Kind { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
}

public enum ClosureKind
{
    Holiday,
    Inset,
    Closed,
}
