namespace Caseload.Core.Domain;

/// <summary>A model target the team shares, to pick from when writing an action plan.</summary>
public sealed class BankTarget
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Text { get; set; }
    public required string Area { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public bool Active { get; set; } = true;
}
