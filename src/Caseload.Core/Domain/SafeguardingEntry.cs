namespace Caseload.Core.Domain;

/// <summary>What the safeguarding team records in a child's chronology: a triage decision with its reasons, a note, an
/// action for someone (which reaches their inbox), a referral to an outside agency, the concern's closure, or a period of
/// monitoring with its review date.</summary>
public sealed class SafeguardingEntry : IRestrictedRecord, IVersioned
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
    /// <summary>The reasons for a decision, the note, what an action asks, the agency referral's summary, why the
    /// concern was closed, or why the child is monitored.</summary>
    public required string Text { get; set; }

    /// <summary>An action's owner (who sees it in their inbox).</summary>
    public int? OwnerStaffId { get; set; }
    /// <summary>An action's due date, or a monitoring period's review date.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>Whether an action's owner may read <see cref="Text"/> (otherwise they see only that the safeguarding team
    /// has asked something of them about the child, and whom to speak to).</summary>
    public bool SharedWithOwner { get; set; }
    public DateTime? DoneAt { get; set; }
    public int? DoneByStaffId { get; set; }
    /// <summary>What the owner wrote on completing an action (the safeguarding team's to read).</summary>
    public string? DoneNote { get; set; }
    /// <summary>An agency referral: to whom (children's social care, police, Prevent/Channel, CAMHS, Early Help).</summary>
    public string? Agency { get; set; }
    /// <summary>An agency referral's reference number.</summary>
    public string? Reference { get; set; }
    /// <summary>An agency referral: whether consent was given (needed for Early Help and Channel; not for a child-protection referral).</summary>
    public bool? Consent { get; set; }
    public int Version { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Text), nameof(Decision), nameof(DoneNote), nameof(Agency), nameof(Reference), nameof(Consent)];
}

public enum SafeguardingEntryKind
{
    Triage,
    Note,
    Action,
    AgencyReferral,
    Closed,
    Monitoring,
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
