namespace Caseload.Core.Domain;

/// <summary>A student the tutor has prioritised for 1:1s (every two weeks instead of six).</summary>
public sealed class OneToOnePriority
{
    public int StudentId { get; set; }
    public DateTime SetAt { get; set; }
    public required string SetBy { get; set; }
}
