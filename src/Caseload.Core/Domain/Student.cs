namespace Caseload.Core.Domain;

public sealed class Student
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    /// <summary>The MIS's identifier: the natural key of every import.</summary>
    public required string ExternalId { get; set; }
    public string? Upn { get; set; }
    public string? Uln { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? PreferredName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public string? Gender { get; set; }
    public int YearGroupId { get; set; }
    public int? TutorGroupId { get; set; }
    public int? HouseId { get; set; }
    public bool Disadvantaged { get; set; }
    public bool Send { get; set; }
    public bool Ehcp { get; set; }
    public bool LookedAfter { get; set; }
    public bool YoungCarer { get; set; }
    public bool Eal { get; set; }
    public bool MostAble { get; set; }
    /// <summary>Average GCSE score or the institution's own baseline; drives minimum expected grades.</summary>
    public decimal? PriorAttainment { get; set; }
    /// <summary>Off roll from <see cref="LeftOn"/> (set by the students import's <c>leaving_date</c>); still readable as history.</summary>
    public bool OnRoll { get; set; } = true;
    /// <summary>The student's last day on roll, as the MIS records it.</summary>
    public DateOnly? LeftOn { get; set; }
    public string? LeavingReason { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public YearGroup? YearGroup { get; set; }
    public TutorGroup? TutorGroup { get; set; }
    public House? House { get; set; }
    public List<StudentContact> Contacts { get; set; } = [];

    public string DisplayName => $"{PreferredName ?? FirstName} {LastName}";

    /// <summary>What stands in for a photo: the first letters of the name used and the surname ("LK").</summary>
    public static string Initials(string first, string last) => $"{First(first)}{First(last)}";

    /// <summary>The initials of a display name ("Leila Kaya" → "LK"; a middle name is skipped).</summary>
    public static string InitialsOf(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries) switch
    {
        [var f, .., var l] => Initials(f, l),
        [var only] => First(only),
        _ => "",
    };

    /// <summary>How a form's list of students names one: "Leila Kaya (10B) [S1234]".</summary>
    public static string Choice(string name, string? group, string externalId) => $"{name}{(group is null ? "" : $" ({group})")} [{externalId}]";

    /// <summary>The MIS id in a <see cref="Choice"/> (or a bare id); null for anything else.</summary>
    public static string? ExternalIdIn(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            return null;
        }
        if (t.EndsWith(']') && t.LastIndexOf('[') is var open and >= 0)
        {
            t = t[(open + 1)..^1].Trim();
        }
        return t.Length is > 0 and <= 40 && !t.Any(char.IsWhiteSpace) && !t.Contains('[') ? t : null;
    }

    private static string First(string word) => word.Length == 0 ? "" : char.ToUpperInvariant(word[0]).ToString();
}
