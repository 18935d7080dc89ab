namespace Caseload.Core.Domain;

/// <summary>One contact with a student's parents or carers.</summary>
public sealed class ParentContact : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public ContactMethod Method { get; set; }
    /// <summary>Positive contact home (good news), a first-class kind of contact.</summary>
    public bool Positive { get; set; }
    /// <summary>Who was contacted ("Mrs Patel (mother)").</summary>
    public required string With { get; set; }
    public DateOnly On { get; set; }
    public required string Summary { get; set; }
    public string? Outcome { get; set; }
    public int StaffId { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
    public string? DeletedReason { get; set; }
}
