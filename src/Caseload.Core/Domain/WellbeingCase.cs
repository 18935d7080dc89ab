namespace Caseload.Core.Domain;

/// <summary>
/// A student's case with the wellbeing team (decision 0018): opened from a referral to the team, at one of the team's own
/// stages (check-in, support sessions, counselling, an outside service), owned by one of the team, reviewed on a date,
/// closed with an outcome. The team's alone: the student's other staff see none of it.
/// </summary>
public sealed class WellbeingCase : IVersioned, IConfidentialRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    /// <summary>The referral to the team it was opened from.</summary>
    public long? ReferralId { get; set; }
    public int Stage { get; set; }
    public required string Summary { get; set; }
    public int OwnerStaffId { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly NextReview { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    public int CreatedByStaffId { get; set; }
    public int Version { get; set; }

    public IReadOnlySet<string> ConfidentialColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Summary), nameof(Outcome)];
}

/// <summary>One line of a wellbeing case's history: opened, a note, a counselling note (counsellors only), a review,
/// a move between stages, closed.</summary>
public sealed class WellbeingNote : IConfidentialRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public long CaseId { get; set; }
    public int StudentId { get; set; }
    public WellbeingNoteKind Kind { get; set; }
    public required string Text { get; set; }
    /// <summary>The stage the case was at (or moved to) when this was written.</summary>
    public int Stage { get; set; }
    /// <summary>The day it happened (a session's date), which may be before it was recorded.</summary>
    public DateOnly On { get; set; }
    public DateTime RecordedAt { get; set; }
    public int ByStaffId { get; set; }

    public IReadOnlySet<string> ConfidentialColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Text)];
}

public enum WellbeingNoteKind
{
    Opened,
    Note,
    /// <summary>Written and read by counsellors only.</summary>
    Counselling,
    Reviewed,
    Moved,
    Closed,
}

/// <summary>A record whose words stay with its team: the audit log says a column changed, not what it says.</summary>
public interface IConfidentialRecord
{
    IReadOnlySet<string> ConfidentialColumns { get; }
}
