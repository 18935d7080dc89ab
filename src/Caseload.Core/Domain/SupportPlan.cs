namespace Caseload.Core.Domain;

/// <summary>The kinds of plan a school or college keeps for a student (decision 0016).</summary>
public enum SupportPlanKind
{
    /// <summary>SEN support plan (an IEP): assess, plan, do, review.</summary>
    SenSupport,

    /// <summary>Education, health and care plan: sections A–K and the statutory annual review.</summary>
    Ehcp,

    /// <summary>Pastoral support plan: about 16 weeks with a review half-way.</summary>
    PastoralSupport,

    /// <summary>Early Help: consent, a lead professional and team-around-the-family reviews.</summary>
    EarlyHelp,

    /// <summary>Risk assessment: hazards, measures and a review date.</summary>
    RiskAssessment,

    /// <summary>Reduced (part-time) timetable: exceptional, time-limited, reviewed fortnightly; missed sessions are code C2.</summary>
    ReducedTimetable,
}

/// <summary>
/// A student's support plan: its owner, dates and current content (the sections its kind asks for, the student's and
/// parents' views, and the strategies shared with subject teachers). Every save keeps the previous content as a
/// <see cref="SupportPlanVersion"/>; its targets, reviews and statutory steps are <see cref="SupportPlanStep"/>s.
/// </summary>
public sealed class SupportPlan : IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public SupportPlanKind Kind { get; set; }
    public int OwnerStaffId { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>When it is planned to end (a PSP's 16 weeks, a reduced timetable's end date), if it has one.</summary>
    public DateOnly? EndsOn { get; set; }
    /// <summary>A reduced timetable's hours a week.</summary>
    public decimal? HoursPerWeek { get; set; }
    /// <summary>The sections, one JSON object of section key to text (see <c>SupportPlanKinds</c>).</summary>
    public required string Sections { get; set; }
    public string? StudentView { get; set; }
    public string? ParentView { get; set; }
    /// <summary>What the owner shares with subject teachers ("support plan in place — strategies"), shown on class lists.</summary>
    public string? Strategies { get; set; }
    public DateTime CreatedAt { get; set; }
    public int CreatedByStaffId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int UpdatedByStaffId { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EndReason { get; set; }
    public int Version { get; set; }
}

/// <summary>A plan's content as it stood before a save: its history.</summary>
public sealed class SupportPlanVersion
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    /// <summary>The plan's version this content was (1 is the content the plan was started with).</summary>
    public int Number { get; set; }
    public DateTime SavedAt { get; set; }
    public int SavedByStaffId { get; set; }
    public required string Sections { get; set; }
    public string? StudentView { get; set; }
    public string? ParentView { get; set; }
    public string? Strategies { get; set; }
}

public enum SupportPlanStepKind
{
    /// <summary>A target for the student (or for staff) with a review date.</summary>
    Target,

    /// <summary>A review of the plan (a PSP's mid-point, a reduced timetable's fortnightly review).</summary>
    Review,

    /// <summary>A step the law dates (an EHCP annual review's notice, meeting, report, decision).</summary>
    Statutory,
}

/// <summary>A dated step of a plan — a target, a review or a statutory step — that reaches its owner's inbox.</summary>
public sealed class SupportPlanStep : IVersioned
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public SupportPlanStepKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    /// <summary>Who does it; null: the plan's owner.</summary>
    public int? OwnerStaffId { get; set; }
    public DateTime? DoneAt { get; set; }
    public int? DoneByStaffId { get; set; }
    /// <summary>What happened (a review's outcome, whether a target was met).</summary>
    public string? Outcome { get; set; }
    public int Version { get; set; }
}

/// <summary>A member of staff who may edit a plan besides its owner (the SENCo on a tutor's IEP).</summary>
public sealed class SupportPlanContributor
{
    public long PlanId { get; set; }
    public int StaffId { get; set; }
}
