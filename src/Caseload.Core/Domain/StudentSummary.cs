namespace Caseload.Core.Domain;

/// <summary>
/// Everything the caseload, the cohort views and the early warning need about one student, as of one day: the year's
/// and the term's attendance totals, the attendance trend, progress against target, behaviour, overdue reasons and the
/// risk score with its explanation. Derived data: rebuilt from the marks' weekly summaries, the grades and behaviour
/// whenever they change (only for the students whose data changed) and for everyone once a day (figures such as "the last
/// four weeks" move with the date). See docs/decisions/0008-student-summaries-and-risk.md.
/// </summary>
public sealed class StudentSummary
{
    public int StudentId { get; set; }
    public int InstitutionId { get; set; }
    /// <summary>The day the figures are for ("this term", "the last four weeks").</summary>
    public DateOnly AsOf { get; set; }
    public DateTime ComputedAt { get; set; }

    public int YearPossible { get; set; }
    public int YearPresent { get; set; }
    public int YearApproved { get; set; }
    public int YearAuthorised { get; set; }
    public int YearUnauthorised { get; set; }
    public int YearLates { get; set; }
    public int YearLatesAfterClose { get; set; }
    public int YearMinutesLate { get; set; }

    public int TermPossible { get; set; }
    public int TermPresent { get; set; }
    public int TermApproved { get; set; }
    public int TermAuthorised { get; set; }
    public int TermUnauthorised { get; set; }
    public int TermLates { get; set; }
    public int TermLatesAfterClose { get; set; }
    public int TermMinutesLate { get; set; }

    /// <summary>Points of attendance gained (+) or lost (−), the last four weeks against the four before.</summary>
    public decimal? AttendanceTrend { get; set; }
    /// <summary>The trend's sums: possible sessions and sessions attended (present or approved activity) in the last four
    /// weeks and in the four before, kept so a day's registers update the trend from the weeks they changed.</summary>
    public int RecentPossible { get; set; }
    public int RecentAttended { get; set; }
    public int PreviousPossible { get; set; }
    public int PreviousAttended { get; set; }

    /// <summary>Subjects with a grade at the latest data point and a minimum expected grade.</summary>
    public int SubjectsGraded { get; set; }
    public int SubjectsBelow { get; set; }
    public int WorstGap { get; set; }
    public string? WorstSubject { get; set; }
    /// <summary>Subjects whose latest grade is lower than the one before.</summary>
    public int SubjectsDropped { get; set; }
    public string? DroppedSubject { get; set; }

    public int BehaviourTerm { get; set; }
    public int ReasonsOverdue { get; set; }
    public DateOnly? OldestReasonOverdue { get; set; }

    /// <summary>The score as shown: <see cref="RiskPoints"/> rounded to a whole number.</summary>
    public int RiskScore { get; set; }
    /// <summary>The score to one decimal place, for ranking (two students shown as 41 are not tied when one is 41.4).</summary>
    public decimal RiskPoints { get; set; }
    /// <summary>The factors that raised the score, in words, most important first, one per line.</summary>
    public string RiskReasons { get; set; } = "";
    /// <summary>
    /// The score's inputs other than attendance and overdue reasons (every course's margin, grades fallen, flags, prior
    /// attainment, casework, indicators), as JSON: a day's registers rescore a student from these and the changed weeks
    /// without reading grades, casework or indicators again. See docs/decisions/0025-summaries-kept-up-by-deltas.md.
    /// </summary>
    public string RiskInputs { get; set; } = "";
}
