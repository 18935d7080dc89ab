namespace Caseload.Core.Domain;

/// <summary>A standard letter home, edited by an administrator; placeholders like <c>{{student_name}}</c> are filled in when sent.</summary>
public sealed class LetterTemplate : IVersioned
{
    /// <summary>The longest letter a template may hold (about three pages).</summary>
    public const int BodyLength = Limits.LetterBody;

    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public int Version { get; set; }
}
