namespace Caseload.Core.Domain;

/// <summary>One stage of an institution's staged intervention procedure: who owns a case at it and how often it is reviewed.</summary>
public sealed class InterventionStage
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    /// <summary>The role that owns a case at this stage (tutor, senior-tutor, senior-leader).</summary>
    public required string OwnerRole { get; set; }
    /// <summary>Who else is involved, in words ("with the senior tutor and subject staff").</summary>
    public string? With { get; set; }
    public int ReviewDays { get; set; }
}
