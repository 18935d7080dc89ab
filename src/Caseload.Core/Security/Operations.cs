using Caseload.Core.Domain;

namespace Caseload.Core.Security;

/// <summary>
/// Every action that depends on a member of staff's role rather than on their relationship to a student (that is
/// <see cref="StudentScope"/>'s job). Each is checked inside its use case, so a page, an API call and a CLI command
/// cannot differ; the web app also registers each as an authorisation policy of the same name for pages and navigation.
/// </summary>
public enum Operation
{
    /// <summary>The 1:1 schedule of one's own tutees (navigation).</summary>
    UseOneToOneSchedule,

    /// <summary>The team's bank of model targets: read, add, remove.</summary>
    UseTargetBank,

    /// <summary>The daily behaviour log of one's years, and marking events dealt with.</summary>
    UseBehaviourLog,

    /// <summary>Cohort figures (tutor group, year, institution, as far as one sees each whole), and their exports.</summary>
    UseCohorts,

    /// <summary>The data drops page at all (teachers, those who run them, those who see completion).</summary>
    UseDataDrops,

    /// <summary>Entering grades for one's own classes at an open data point.</summary>
    EnterGrades,

    /// <summary>Opening, closing and reopening data points.</summary>
    ManageDataDrops,

    /// <summary>Seeing which classes have not finished a data drop.</summary>
    SeeDataDropCompletion,

    /// <summary>Editing the institution's standard letters.</summary>
    EditLetters,

    /// <summary>Searching the institution's audit log (never the entries about restricted records: see below).</summary>
    SearchAuditLog,

    /// <summary>Choosing which roles must use two-factor sign-in.</summary>
    ManageTwoFactorPolicy,

    /// <summary>Reading safeguarding records and searching the audit entries about them: the designated safeguarding team alone
    /// (the lead role, and the deputies the lead names, within their limits).</summary>
    ReadSafeguarding,

    /// <summary>Giving staff a safeguarding level (deputy, trusted) and its limits: the designated safeguarding lead.</summary>
    ManageSafeguardingAccess,

    /// <summary>Taking a case at a stage the senior leadership team owns (Stage 5+), which waits in every senior leader's inbox until then.</summary>
    TakeCasesForSeniorLeaders,

    /// <summary>Arranging cover for an absent tutor's caseload: for one's team (senior tutors), one's years (progress leaders), or anyone.</summary>
    ArrangeCover,

    /// <summary>Importing the institution's calendar (years, terms, holidays, INSET days) from the page.</summary>
    ManageCalendar,

    /// <summary>Finding members of staff (accounts, roles, leavers) from the search box.</summary>
    SearchStaff,

    /// <summary>Seeing on a student's page who has opened their record, and when ("Who has looked at this record").</summary>
    SeeRecordReaders,

    /// <summary>Opening one child's safeguarding record in an emergency with a written reason ("break-glass"): for an hour,
    /// audited, and reported to the safeguarding team's inbox.</summary>
    BreakGlassSafeguarding,

    /// <summary>The wellbeing team's own cases (<c>/wellbeing</c>): opened from a referral to the team, staged, reviewed.</summary>
    UseWellbeingCases,

    /// <summary>Counselling notes on a wellbeing case: written and read by counsellors only.</summary>
    KeepCounsellingNotes,

    /// <summary>Requesting a course change, a reduced programme or a withdrawal for a student whose pastoral record one sees.</summary>
    RequestCourseChanges,

    /// <summary>Authorising or refusing a course change: the student's senior tutor, or a senior leader; never its requester
    /// (the two-person rule, checked in the use case).</summary>
    AuthoriseCourseChanges,

    /// <summary>Carrying out an authorised course change: setting the dates and changing the enrolments.</summary>
    ActionCourseChanges,

    /// <summary>A student's applications and references (for students whose pastoral record one sees): start one, ask the
    /// subject teachers for contributions, sign off the predicted grades, draft sections 2 and 3.</summary>
    WriteReferences,

    /// <summary>Checking and releasing the references of one's team's students (their senior tutor).</summary>
    CheckReferences,

    /// <summary>Application cycles: their deadlines and the centre's statement (section 1 of every reference).</summary>
    ManageReferenceCycles,

    /// <summary>Progression records of students whose pastoral record one sees: applications' choices and offers, the
    /// results-day list and its follow-ups, and destinations after leaving (decision 0022).</summary>
    RecordDestinations,
}

/// <summary>Who may do each <see cref="Operation"/>: the one table of role checks (docs/access.md lists it in words).</summary>
public static class Permissions
{
    private static readonly string[] WholeInstitution = [Roles.Administrator, Roles.SeniorLeader, Roles.SafeguardingLead, Roles.StudentServices];

    private static readonly Dictionary<Operation, string[]> Holders = new()
    {
        [Operation.UseOneToOneSchedule] = [Roles.Tutor, Roles.SeniorTutor, Roles.ProgressLeader],
        [Operation.UseTargetBank] = [Roles.Tutor, Roles.SeniorTutor, Roles.ProgressLeader, Roles.Administrator, Roles.SeniorLeader],
        [Operation.UseBehaviourLog] = [Roles.ProgressLeader, Roles.SeniorLeader, Roles.Administrator],
        [Operation.UseCohorts] = [.. WholeInstitution, Roles.ProgressLeader, Roles.SeniorTutor, Roles.Tutor],
        [Operation.UseDataDrops] = [Roles.SubjectTeacher, Roles.Administrator, Roles.SeniorLeader, Roles.ProgressLeader, Roles.SeniorTutor],
        [Operation.EnterGrades] = [Roles.SubjectTeacher],
        [Operation.ManageDataDrops] = [Roles.Administrator],
        [Operation.SeeDataDropCompletion] = [Roles.Administrator, Roles.SeniorLeader, Roles.ProgressLeader, Roles.SeniorTutor],
        [Operation.EditLetters] = [Roles.Administrator],
        [Operation.SearchAuditLog] = [Roles.Administrator],
        [Operation.ManageTwoFactorPolicy] = [Roles.Administrator],
        [Operation.ReadSafeguarding] = [Roles.SafeguardingLead],
        [Operation.TakeCasesForSeniorLeaders] = [Roles.SeniorLeader],
        [Operation.ManageCalendar] = [Roles.Administrator],
        [Operation.SearchStaff] = [Roles.Administrator],
        [Operation.SeeRecordReaders] = [Roles.Administrator, Roles.SafeguardingLead],
        [Operation.BreakGlassSafeguarding] = [Roles.SeniorLeader],
        [Operation.ManageSafeguardingAccess] = [Roles.SafeguardingLead],
        [Operation.ArrangeCover] = [Roles.SeniorTutor, Roles.ProgressLeader, Roles.SeniorLeader, Roles.Administrator],
        [Operation.UseWellbeingCases] = [Roles.Wellbeing, Roles.Counsellor],
        [Operation.KeepCounsellingNotes] = [Roles.Counsellor],
        [Operation.RequestCourseChanges] = [Roles.Tutor, Roles.SeniorTutor, Roles.ProgressLeader, Roles.StudentServices, Roles.SeniorLeader, Roles.Administrator],
        [Operation.AuthoriseCourseChanges] = [Roles.SeniorTutor, Roles.SeniorLeader],
        [Operation.ActionCourseChanges] = [Roles.Administrator],
        [Operation.WriteReferences] = [Roles.Tutor, Roles.SeniorTutor],
        [Operation.CheckReferences] = [Roles.SeniorTutor],
        [Operation.ManageReferenceCycles] = [Roles.SeniorTutor, Roles.SeniorLeader, Roles.Administrator],
        [Operation.RecordDestinations] = [Roles.Tutor, Roles.SeniorTutor, Roles.ProgressLeader, Roles.Careers, Roles.SeniorLeader, Roles.Administrator],
    };

    /// <summary>The roles that may do an operation.</summary>
    public static IReadOnlyList<string> HoldersOf(Operation operation) => Holders[operation];

    /// <summary>Operations a safeguarding level gives besides the roles above (a deputy is named by the lead, not the MIS).</summary>
    private static readonly Dictionary<Operation, SafeguardingLevel> Levels = new()
    {
        [Operation.ReadSafeguarding] = SafeguardingLevel.Deputy,
    };

    /// <summary>The safeguarding level that also gives an operation, if any.</summary>
    public static SafeguardingLevel? LevelFor(Operation operation) => Levels.TryGetValue(operation, out var level) ? level : null;

    public static bool May(this Viewer viewer, Operation operation) =>
        viewer.HasAny(Holders[operation]) || (Levels.TryGetValue(operation, out var level) && viewer.Safeguarding.Level >= level);

    /// <summary>Refuses, as "not found", a viewer who may not do the operation: nobody learns what lies behind it.</summary>
    public static void Demand(this Viewer viewer, Operation operation)
    {
        if (!viewer.May(operation))
        {
            throw new NotFoundException();
        }
    }
}
