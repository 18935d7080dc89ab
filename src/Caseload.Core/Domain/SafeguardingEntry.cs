namespace Caseload.Core.Domain;

/// <summary>What the safeguarding team records in a child's chronology: a triage decision with its reasons, or a note.</summary>
public sealed class SafeguardingEntry : IRestrictedRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    /// <summary>The concern it belongs to, if any (a note may be about the child generally).</summary>
    public long? ReferralId { get; set; }
    public SafeguardingEntryKind Kind { get; set; }
    /// <summary>For a triage: what was decided (<see cref="SafeguardingDecision"/>).</summary>
    public SafeguardingDecision? Decision { get; set; }
    /// <summary>The day it happened (for the chronology's order), which may be before the day it was recorded.</summary>
    public DateOnly OccurredOn { get; set; }
    public DateTime RecordedAt { get; set; }
    public int RecordedByStaffId { get; set; }
    /// <summary>The reasons for a decision, or the note.</summary>
    public required string Text { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Text), nameof(Decision)];
}

public enum SafeguardingEntryKind
{
    Triage,
    Note,
}

/// <summary>The designated lead's decision on a concern (KCSIE: record the decision and the reasons for it).</summary>
public enum SafeguardingDecision
{
    /// <summary>No further action beyond recording; watch for more.</summary>
    Monitor,
    /// <summary>Support within the institution (pastoral, wellbeing, a support plan).</summary>
    SupportInSchool,
    /// <summary>An Early Help assessment with the family's consent.</summary>
    EarlyHelp,
    /// <summary>A referral to children's social care.</summary>
    ChildrensSocialCare,
    Police,
    /// <summary>A Prevent referral (police and local authority; Channel is voluntary and needs consent).</summary>
    Prevent,
}
