namespace Caseload.Core.Domain;

public sealed class Staff
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string ExternalId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>The last day at the institution (the staff import's <c>leaving_date</c>): from the day after, they hold no caseload, lead nothing and cannot sign in.</summary>
    public DateOnly? LeftOn { get; set; }
    public List<StaffRole> Roles { get; set; } = [];

    public string DisplayName => $"{FirstName} {LastName}";
}
