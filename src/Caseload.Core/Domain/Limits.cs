namespace Caseload.Core.Domain;

/// <summary>
/// Every limit on what may be entered that is not a text column's length, declared once: the use cases refer to these
/// (whichever door the request came by: page, API, CLI or import), <c>docs/limits.md</c> lists them (a test keeps it
/// true), and the API's description carries them. Text lengths are declared once too, in the model
/// (<c>HasMaxLength</c>), and enforced for every save by the database context.
/// </summary>
public static class Limits
{
    public const int FreeText = 4000;
    public const int StudentsPerIncident = 40;
    public const int IncidentPoints = 10;
    public const int IncidentAgeDays = 366;
    public const int SanctionDaysFromToday = 60;
    public const int ReportStartDaysFromToday = 14;
    public const int ParentContactAgeDays = 366;
    public const int NewTargetsPerOneToOne = 10;
    public const int ReviewedTargetsPerOneToOne = 100;
    public const int IncidentsMarkedAtOnce = 200;
    public const int AttendanceRangeDays = 400;
    public const int BehaviourLogRangeDays = 400;
    public const int BehaviourLogRows = 500;

    /// <summary>A safeguarding concern's details (decision 0014).</summary>
    public const int SafeguardingPlace = 200;
    public const int SafeguardingPresent = 500;
    public const int SafeguardingDemeanour = 1000;
    public const int SafeguardingCategories = 8;
    public const int SafeguardingCategoryName = 60;
    /// <summary>How many categories an institution's list may hold.</summary>
    public const int SafeguardingCategoryList = 40;
    /// <summary>Marks on one concern's body map, and each mark's note.</summary>
    public const int SafeguardingMarks = 12;
    /// <summary>Files kept with one concern; each file's size and name.</summary>
    public const int AttachmentsPerConcern = 5, AttachmentBytes = 10 * 1024 * 1024, AttachmentName = 120;
    /// <summary>Other children involved in one concern.</summary>
    public const int SafeguardingInvolved = 6;
    public const int SafeguardingMarkNote = 200;
    /// <summary>How long a senior leader's break-glass opens a child's safeguarding record.</summary>
    public const int BreakGlassMinutes = 60;
    /// <summary>How long ago a reported concern may have happened (older history goes in as a note).</summary>
    public const int SafeguardingYearsBack = 5;
    public const int SafeguardingAgency = 100;
    public const int SafeguardingReference = 60;
    /// <summary>How far ahead an action's due date or a monitoring review may be set.</summary>
    public const int SafeguardingDaysAhead = 366;

    /// <summary>A support plan: each section; a step's title; steps on one plan; how far back it may start and how far
    /// ahead a date may be; a reduced timetable's hours a week and longest run.</summary>
    public const int PlanSection = 4000, PlanStepTitle = 300, PlanSteps = 60, PlanStartDaysBack = 366, PlanDaysAhead = 731;
    public const int ReducedTimetableMaxHours = 30, ReducedTimetableMaxWeeks = 12;

    /// <summary>The safeguarding retention rule: date of birth plus this many years (KCSIE's default 25), at least and most.</summary>
    public const int RetentionYearsDefault = 25, RetentionYearsMinimum = 18, RetentionYearsMaximum = 100;

    /// <summary>Sending a child-protection file: a school's or person's name; why none is sent; the pass-phrase's length;
    /// the largest bundle received; school days to send it in (KCSIE) and to wait for receipt before chasing.</summary>
    public const int TransferName = 200, TransferReason = 1000, PassPhraseMinimum = 16, PassPhraseMaximum = 200, TransferBundleBytes = 80 * 1024 * 1024;
    public const int TransferSchoolDays = 5, TransferChaseDays = 5;

    /// <summary>A wellbeing case: how far back a note's day may be; how far ahead a review.</summary>
    public const int WellbeingNoteDaysBack = 60, WellbeingReviewDaysAhead = 183;

    /// <summary>How far back "Absent today" looks at another day's registers.</summary>
    public const int AbsentDaysBack = 31;
    public const int ImportFieldLength = 10_000;
    /// <summary>The longest cover one arrangement may give; and how far ahead it may begin.</summary>
    public const int CoverDays = 120, CoverStartsWithinDays = 180;
    /// <summary>An incident reaching Caseload more than this many days after it happened is history, not waiting on the behaviour log.</summary>
    public const int BehaviourWaitingDays = 7;
    public const int ContactsPerStudent = 9;
    public const int SearchLength = 100;
    public const int SearchResults = 25;
    public const int LetterBody = 8000;
    public const int DataDropComment = 500;
    public const int PasswordMinimum = 12;
    /// <summary>Course changes (decision 0020): how far from today a course joined may start; reasons an institution's list may hold.</summary>
    public const int CourseChangeJoinDaysAhead = 60;
    public const int ChangeReasons = 60;
    /// <summary>References (decision 0021): how far ahead contributions may be due.</summary>
    public const int ContributionDueDaysAhead = 60;

    /// <summary>One limit, in words, for the documentation.</summary>
    public sealed record Limit(string What, string Value, string Where);

    public static readonly IReadOnlyList<Limit> All = Invariant(
    [
        new FormattableLimit("Free text in a casework record (a case's summary, a referral, 1:1 notes, a contact's summary) unless its column says less", $"{FreeText:N0} characters", "FreeText; CaseloadDbContext"),
        new FormattableLimit("Students in one behaviour incident, or given one reward together", $"{StudentsPerIncident}", "RecordIncident, GiveRewards"),
        new FormattableLimit("Points of an incident", $"0 to −{IncidentPoints}", "RecordIncident"),
        new FormattableLimit("An incident's date", $"today or up to {IncidentAgeDays} days before", "RecordIncident"),
        new FormattableLimit("A sanction's date", $"within {SanctionDaysFromToday} days of today, either way", "GiveSanction"),
        new FormattableLimit("A report card's first day", $"within {ReportStartDaysFromToday} days of today, either way", "StartReport"),
        new FormattableLimit("A contact with home's date", $"today or up to {ParentContactAgeDays} days before", "LogParentContact"),
        new FormattableLimit("New targets set at one 1:1", $"{NewTargetsPerOneToOne}", "RecordOneToOne"),
        new FormattableLimit("Targets reviewed at one 1:1", $"{ReviewedTargetsPerOneToOne}", "RecordOneToOne"),
        new FormattableLimit("Incidents marked dealt with at once", $"{IncidentsMarkedAtOnce}", "MarkDealtWith"),
        new FormattableLimit("A range of dates for attendance", $"{AttendanceRangeDays} days", "GetAttendanceForDates"),
        new FormattableLimit("An incident waiting on the behaviour log", $"recorded or imported within {BehaviourWaitingDays} days of its date (older ones are history, shown under their dates)", "GetBehaviourLog"),
        new FormattableLimit("A safeguarding concern: place; who was present; demeanour; the child's words; categories", $"{SafeguardingPlace}; {SafeguardingPresent}; {SafeguardingDemeanour}; 4,000 characters; 1 to {SafeguardingCategories} of the institution's list", "ReportSafeguardingConcern"),
        new FormattableLimit("Files kept with a safeguarding concern: how many; each file; its name", $"{AttachmentsPerConcern}; {AttachmentBytes / 1024 / 1024} MB, a PDF, JPEG, PNG or Word (.docx) file by its content; {AttachmentName} characters", "SafeguardingAttachments"),
        new FormattableLimit("Other children involved in one concern", $"{SafeguardingInvolved}, each a student the reporter can see, not the child the concern is about", "ReportSafeguardingConcern"),
        new FormattableLimit("A body map: marks on one concern; each mark's note", $"{SafeguardingMarks}; {SafeguardingMarkNote} characters, on a named part of the front or back outline", "BodyMap"),
        new FormattableLimit("An institution's safeguarding categories: how many; each name", $"1 to {SafeguardingCategoryList}; {SafeguardingCategoryName} characters, no line breaks or control characters, no two alike", "SafeguardingCategories"),
        new FormattableLimit("A safeguarding action's due date or a monitoring review; an agency's name; its reference", $"today to {SafeguardingDaysAhead} days ahead; {SafeguardingAgency}; {SafeguardingReference}", "SafeguardingWorkflow"),
        new FormattableLimit("A support plan: each section, view or strategies; a step's title; steps on one plan", $"{PlanSection:N0} characters; {PlanStepTitle}; {PlanSteps}", "SaveSupportPlan; PlanSteps"),
        new FormattableLimit("A support plan's dates: start; any step, review or end", $"up to {PlanStartDaysBack} days before today; up to {PlanDaysAhead} days after today", "SupportPlanAccess.Within"),
        new FormattableLimit("A reduced timetable: hours a week; length", $"0.5 to {ReducedTimetableMaxHours}; at most {ReducedTimetableMaxWeeks} weeks (time-limited, reviewed fortnightly)", "StartSupportPlan"),
        new FormattableLimit("Sending a child-protection file: the school's and person's names; why none is sent; the pass-phrase; a bundle received", $"{TransferName} characters; {TransferReason}; {PassPhraseMinimum} to {PassPhraseMaximum} characters (one is made for you); {TransferBundleBytes / 1024 / 1024} MB", "TransferChildProtectionFile"),
        new FormattableLimit("A wellbeing case: its summary, a note, the outcome; a note's day; the next review", $"{FreeText:N0} characters; today or up to {WellbeingNoteDaysBack} days before; after today, up to {WellbeingReviewDaysAhead} days ahead", "WellbeingCaseChanges"),
        new FormattableLimit("The safeguarding retention rule (date of birth plus years)", $"{RetentionYearsMinimum} to {RetentionYearsMaximum} years; {RetentionYearsDefault} unless given", "SafeguardingRetention"),
        new FormattableLimit("A day's absences looked at on \"Absent today\"", $"today or up to {AbsentDaysBack} days before", "GetAbsentToday"),
        new FormattableLimit("A range of dates on the behaviour log; events shown at once", $"{BehaviourLogRangeDays} days; {BehaviourLogRows}", "GetBehaviourLog"),
        new FormattableLimit("A field or line of an import file", $"{ImportFieldLength:N0} characters", "CsvImportReader (file:line:column)"),
        new FormattableLimit("Parents and carers of one student (imported or entered)", $"{ContactsPerStudent} from the MIS; {ContactsPerStudent} entered on the profile", "ImportContacts, SaveStudentContact"),
        new FormattableLimit("Cover for an absent tutor", $"at most {CoverDays} days, beginning within {CoverStartsWithinDays} days of today (or up to 7 days before)", "ArrangeCover"),
        new FormattableLimit("A search", $"{SearchLength} characters; {SearchResults} results shown", "SearchStudents"),
        new FormattableLimit("A standard letter's body", $"{LetterBody:N0} characters", "SaveLetterTemplate"),
        new FormattableLimit("A data-drop comment", $"{DataDropComment} characters", "DataDrops"),
        new FormattableLimit("A password", $"at least {PasswordMinimum} characters", "IdentitySetup"),
        new FormattableLimit("A course change: the last day on a course left; the first day on a course joined", $"on or after the course's start and not after today; within {CourseChangeJoinDaysAhead} days of today", "ActionCourseChange"),
        new FormattableLimit("Reasons in an institution's list for course changes", $"{ChangeReasons}, each with an ILR withdrawal reason code from 1 to 99", "ChangeReasons"),
        new FormattableLimit("A reference: all three sections together; the date contributions are due", $"{Application.ReferenceLength:N0} characters, spaces and line breaks included; today to {ContributionDueDaysAhead} days ahead", "DraftReference, RequestContributions"),
        new FormattableLimit("An application's choices; an offer's grade conditions", $"at most {ApplicationChoice.MaxChoices}; at most {ApplicationChoice.MaxConditions}, each a grade on one of the student's courses' scales", "RecordChoice"),
        new FormattableLimit("Results-day follow-ups of one application", $"at most {ResultsFollowUp.MaxPerApplication}, each note up to {ResultsFollowUp.NoteLength:N0} characters", "RecordFollowUp"),
        new FormattableLimit("A student's destinations after leaving: how many, and their dates", $"at most {DestinationActivity.MaxPerStudent}; the first day from {DestinationActivity.YearsBack} years back to a year ahead, the last day on or after the first", "RecordActivity"),
    ]);

    private static Limit[] Invariant(FormattableLimit[] limits) =>
        [.. limits.Select(l => new Limit(l.What, l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Where))];

    private sealed record FormattableLimit(string What, FormattableString Value, string Where);
}
