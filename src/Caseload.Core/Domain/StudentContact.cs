namespace Caseload.Core.Domain;

/// <summary>A parent or carer of a student, from the MIS (<c>contacts</c> import) or entered on the profile.</summary>
public sealed class StudentContact : IVersioned
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public required string Name { get; set; }
    public required string Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int Priority { get; set; }
    public bool ParentalResponsibility { get; set; }
    /// <summary>The postal address, lines separated by newlines (letters print it under the name).</summary>
    public string? Address { get; set; }
    public bool LivesWithStudent { get; set; }
    /// <summary>How they prefer to be contacted: <c>phone</c>, <c>email</c>, <c>letter</c> or <c>text</c>; null when not known.</summary>
    public string? PreferredMethod { get; set; }
    /// <summary>Must not be contacted (a court order or the like): never offered for letters or calls.</summary>
    public bool NoContact { get; set; }
    /// <summary>Entered on the profile, not held by the MIS: the contacts import neither changes nor removes it.</summary>
    public bool EnteredHere { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>The ways of being contacted a contact may prefer.</summary>
    public static readonly string[] Methods = ["phone", "email", "letter", "text"];
}
