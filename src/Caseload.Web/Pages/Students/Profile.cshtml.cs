using Caseload.Core.Features.Students;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Students;

/// <summary>
/// A student's profile: the header, attendance, achievement, behaviour, timeline, casework and parents and carers, as
/// the viewer may see them. It asks one use case for all of it (<see cref="GetStudentProfile"/>) and holds no forms of its own: each form on it posts to its feature's page (a referral, a case, a contact, behaviour, a target).
/// A student the viewer may not see is "not found", exactly like one that does not exist.
/// </summary>
public sealed class ProfileModel(CurrentViewer current, GetStudentProfile profiles, TimeProvider clock) : PageModel
{
    public GetStudentProfile.Profile Profile { get; private set; } = null!;

    /// <summary>The timeline filter: one kind of entry, or everything.</summary>
    [BindProperty(SupportsGet = true)] public GetStudentProfile.TimelineKind? Show { get; set; }

    public DateOnly Today => clock.Today();

    /// <summary>Administrators and the safeguarding lead see a link to who has opened this record.</summary>
    public bool SeesReaders { get; private set; }
    public bool RequestsCourseChanges { get; private set; }
    public bool WritesReferences { get; private set; }
    public bool RecordsDestinations { get; private set; }

    /// <summary>The safeguarding team, or trusted staff with a concern they may read: a link to the child's chronology.</summary>
    public bool SeesSafeguarding { get; private set; }

    /// <summary>Senior leaders: a link to open the safeguarding record in an emergency (shown on every student, so it tells nothing).</summary>
    public bool BreaksGlass { get; private set; }

    public IReadOnlyList<Core.Domain.InterventionCase> Cases { get; private set; } = [];
    public IReadOnlyList<Core.Domain.InterventionStage> Stages { get; private set; } = [];
    public Core.Features.OneToOnes.GetActionPlan.Plan? Plan { get; private set; }
    public Core.Features.OneToOnes.GetOneToOneSchedule.Due? Schedule { get; private set; }
    public IReadOnlyList<Core.Features.ParentContacts.ListParentContacts.Line> ContactLog { get; private set; } = [];
    public IReadOnlyList<Core.Features.ParentContacts.GetFortyEightHours.Incident> Incidents { get; private set; } = [];
    public IReadOnlyList<Core.Domain.Referral> Referrals { get; private set; } = [];
    public Core.Features.Behaviour.GetBehaviourRecord.Record BehaviourRecord { get; private set; } = new([], [], []);
    public IReadOnlyList<Core.Domain.LetterTemplate> LetterTemplates { get; private set; } = [];
    public ParentContacts.LogContactForm ContactForm { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var profile = scope is null ? null : await profiles.HandleAsync(scope, id, Today, ct);
        if (profile is null)
        {
            return NotFound();
        }
        SeesReaders = Core.Security.Permissions.May(scope!.Viewer, Core.Security.Operation.SeeRecordReaders);
        RequestsCourseChanges = Core.Security.Permissions.May(scope.Viewer, Core.Security.Operation.RequestCourseChanges);
        WritesReferences = Core.Security.Permissions.May(scope.Viewer, Core.Security.Operation.WriteReferences);
        RecordsDestinations = Core.Security.Permissions.May(scope.Viewer, Core.Security.Operation.RecordDestinations);
        // The team; a trusted member of staff when a concern about this child is theirs to read (the profile read it).
        SeesSafeguarding = scope.Viewer.Safeguarding.Team || profile.Referrals.Any(r => r.Restricted);
        BreaksGlass = Core.Security.Permissions.May(scope.Viewer, Core.Security.Operation.BreakGlassSafeguarding);
        Profile = profile;
        Referrals = profile.Referrals;
        if (profile.Casework is { } work)
        {
            (Cases, Stages, Plan, Schedule, ContactLog, Incidents, BehaviourRecord, LetterTemplates) =
                (work.Cases, work.Stages, work.Plan, work.Schedule, work.Contacts, work.Incidents, work.Behaviour, work.Letters);
            ContactForm = ParentContacts.LogContactForm.For(id, profile.Contacts.Where(c => !c.NoContact).Select(c => (c.Name, c.Relationship)), Today);
        }
        return Page();
    }

    public static string Describe(GetStudentProfile.TimelineKind kind) => kind switch
    {
        GetStudentProfile.TimelineKind.Behaviour => "Behaviour",
        GetStudentProfile.TimelineKind.DataDrop => "Grade at a data drop",
        GetStudentProfile.TimelineKind.Casework => "Case",
        GetStudentProfile.TimelineKind.Referral => "Referral or concern",
        GetStudentProfile.TimelineKind.OneToOne => "1:1 review",
        GetStudentProfile.TimelineKind.ParentContact => "Parents and carers",
        GetStudentProfile.TimelineKind.CourseChange => "Course change",
        _ => "Attendance alert",
    };

    public static string Describe(Core.Rules.ParentContactRule.State state) => state switch
    {
        Core.Rules.ParentContactRule.State.Due => "Due",
        Core.Rules.ParentContactRule.State.OnTime => "Made on time",
        Core.Rules.ParentContactRule.State.Late => "Made late",
        _ => "Missed",
    };

    public static string ContactTag(Core.Rules.ParentContactRule.State state) => state switch
    {
        Core.Rules.ParentContactRule.State.Due => "govuk-tag--yellow",
        Core.Rules.ParentContactRule.State.OnTime => "govuk-tag--green",
        Core.Rules.ParentContactRule.State.Late => "govuk-tag--orange",
        _ => "govuk-tag--red",
    };

    public static string Meaning(Caseload.Core.Domain.AttendanceMeaning m) => m switch
    {
        Caseload.Core.Domain.AttendanceMeaning.Present => "present",
        Caseload.Core.Domain.AttendanceMeaning.ApprovedActivity => "approved educational activity",
        Caseload.Core.Domain.AttendanceMeaning.AuthorisedAbsence => "authorised absence",
        Caseload.Core.Domain.AttendanceMeaning.UnauthorisedAbsence => "unauthorised absence",
        Caseload.Core.Domain.AttendanceMeaning.NotPossible => "not a possible session",
        _ => "administrative",
    };
}
