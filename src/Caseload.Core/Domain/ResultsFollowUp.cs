namespace Caseload.Core.Domain;

/// <summary>What was done on or after results day for a student whose results missed (or may miss) their firm offer's
/// conditions: who spoke to them, what came of it (decision 0022).</summary>
public sealed class ResultsFollowUp
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public FollowUpOutcome Outcome { get; set; }
    public string? Note { get; set; }
    public int StaffId { get; set; }
    public DateTime At { get; set; }

    public const int NoteLength = 1000;
    /// <summary>Follow-ups kept for one application: results day and the weeks of clearing after it need a handful.</summary>
    public const int MaxPerApplication = 30;
}

public enum FollowUpOutcome
{
    /// <summary>Spoken to; nothing settled yet.</summary>
    Contacted = 0,
    /// <summary>The firm choice took the student despite the missed grades.</summary>
    FirmConfirmed = 1,
    InsurancePlace = 2,
    Clearing = 3,
    /// <summary>Resits, a gap year, or applying again next year.</summary>
    ApplyingAgain = 4,
    ApprenticeshipOrWork = 5,
    Other = 6,
}
