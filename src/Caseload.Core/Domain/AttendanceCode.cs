namespace Caseload.Core.Domain;

/// <summary>One row of an institution's editable code table.</summary>
public sealed class AttendanceCode
{
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Description { get; set; }
    public AttendanceMeaning Meaning { get; set; }
    /// <summary>The student arrived late (<c>L</c> before the register closed, <c>U</c> after).</summary>
    public bool IsLate { get; set; }
    /// <summary>Withdrawn from use (e.g. <c>H</c>, <c>J</c>, <c>Y</c> in 2024) but still classifies old marks.</summary>
    public bool Withdrawn { get; set; }
}
