using Caseload.Core.Features.Students;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Students;

/// <summary>A student's profile. A student the viewer may not see is "not found", exactly like one that does not exist.</summary>
public sealed class ProfileModel(CurrentViewer current, GetStudentProfile profiles, GetStudentCasework casework, TimeProvider clock) : PageModel
{
    public GetStudentProfile.Profile Profile { get; private set; } = null!;

    /// <summary>The timeline filter: one kind of entry, or everything.</summary>
    [BindProperty(SupportsGet = true)] public GetStudentProfile.TimelineKind? Show { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        var profile = scope is null ? null : await profiles.HandleAsync(scope, id, clock.Today(), ct);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        if (profile.View == Core.Security.StudentView.Pastoral)
        {
            var work = await casework.HandleAsync(scope!, id, Today, ct);
            if (work is not null)
            {
                (Cases, Stages, Plan, Schedule, ContactLog, Incidents, BehaviourRecord, LetterTemplates) =
                    (work.Cases, work.Stages, work.Plan, work.Schedule, work.Contacts, work.Incidents, work.Behaviour, work.Letters);
            }
            Referrals = profile.Referrals;
        }
        return Page();
    }

    public Core.Features.OneToOnes.GetActionPlan.Plan? Plan { get; private set; }
    public Core.Features.OneToOnes.GetOneToOneSchedule.Due? Schedule { get; private set; }
    public IReadOnlyList<Core.Features.ParentContacts.ListParentContacts.Line> ContactLog { get; private set; } = [];
    public IReadOnlyList<Core.Features.ParentContacts.GetFortyEightHours.Incident> Incidents { get; private set; } = [];
    public IReadOnlyList<Core.Domain.Referral> Referrals { get; private set; } = [];
    public string? ReferralError { get; private set; }
    public Core.Features.Behaviour.GetBehaviourRecord.Record BehaviourRecord { get; private set; } = new([], [], []);
    public string? BehaviourError { get; private set; }
    public IReadOnlyList<Core.Domain.LetterTemplate> LetterTemplates { get; private set; } = [];

    public Task<IActionResult> OnPostRewardAsync(int id, string? rewardCategory, int rewardPoints, string? rewardNote,
        [FromServices] Core.Features.Behaviour.GiveReward reward, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => reward.HandleAsync(scope, id, rewardCategory ?? "", rewardPoints, rewardNote, c), ct);

    public Task<IActionResult> OnPostSanctionAsync(int id, Core.Domain.SanctionKind sanctionKind, DateOnly? sanctionOn, string? sanctionReason,
        [FromServices] Core.Features.Behaviour.GiveSanction sanction, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => sanction.HandleAsync(scope, id, sanctionKind, sanctionOn ?? throw new Core.ValidationException("give the date of the sanction"), sanctionReason ?? "", c), ct);

    public Task<IActionResult> OnPostServedAsync(int id, long sanction, [FromServices] Core.Features.Behaviour.MarkSanctionServed served, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => served.HandleAsync(scope, sanction, c), ct);

    public Task<IActionResult> OnPostStartReportAsync(int id, DateOnly? reportFrom, string? reportTargets, string? reportReason,
        [FromServices] Core.Features.Behaviour.StartReport start, CancellationToken ct) =>
        BehaviourAsync(id, async (scope, c) => await start.HandleAsync(scope, id, reportFrom ?? Today, reportTargets ?? "", reportReason ?? "", c) is not null, ct);

    public Task<IActionResult> OnPostReportDayAsync(int id, long report, DateOnly? dayDate, int dayMet, string? dayComment,
        [FromServices] Core.Features.Behaviour.RecordReportDay day, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => day.HandleAsync(scope, report, dayDate ?? Today, dayMet, dayComment, c), ct);

    public Task<IActionResult> OnPostEndReportAsync(int id, long report, [FromServices] Core.Features.Behaviour.EndReport end, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => end.HandleAsync(scope, report, c), ct);

    private async Task<IActionResult> BehaviourAsync(int id, Func<Core.Security.StudentScope, CancellationToken, Task<bool>> act, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            return await act(scope, ct) ? Redirect($"/students/{id}#behaviour") : NotFound();
        }
        catch (Core.ValidationException e)
        {
            BehaviourError = char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + ".";
        }
        return await OnGetAsync(id, ct);
    }
    public string? ContactError { get; private set; }

    /// <summary>Raises a referral or concern (anyone who sees the student) and shows its receipt.</summary>
    public async Task<IActionResult> OnPostReferAsync(int id, Core.Domain.ReferralCategory referCategory, Core.Domain.Urgency referUrgency, string? referWhat,
        [FromServices] Core.Features.Referrals.RaiseReferral raise, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var raised = await raise.HandleAsync(scope, new Core.Features.Referrals.RaiseReferral.Request(id, referCategory, referUrgency, referWhat ?? ""), ct);
            return raised is null ? NotFound() : Redirect($"/referrals/{raised.Id}?raised=true");
        }
        catch (Core.ValidationException e)
        {
            ReferralError = char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + ".";
        }
        return await OnGetAsync(id, ct);
    }

    /// <summary>Logs a contact with the student's parents or carers.</summary>
    public async Task<IActionResult> OnPostContactAsync(int id, Core.Domain.ContactMethod contactMethod, bool contactPositive, string? contactWith, DateOnly? contactOn,
        string? contactSummary, string? contactOutcome, [FromServices] Core.Features.ParentContacts.LogParentContact log, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var logged = await log.HandleAsync(scope, new Core.Features.ParentContacts.LogParentContact.Request(id, contactMethod, contactPositive, contactWith ?? "",
                contactOn ?? throw new Core.ValidationException("give the date of the contact"), contactSummary ?? "", contactOutcome), ct);
            return logged is null ? NotFound() : Redirect($"/students/{id}#contacts");
        }
        catch (Core.ValidationException e)
        {
            ContactError = char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + ".";
        }
        return await OnGetAsync(id, ct);
    }

    public IReadOnlyList<Core.Domain.InterventionCase> Cases { get; private set; } = [];
    public IReadOnlyList<Core.Domain.InterventionStage> Stages { get; private set; } = [];
    public string? CaseError { get; private set; }
    public DateOnly Today => clock.Today();

    /// <summary>Opens a case on the student and goes to it (pastoral viewers only).</summary>
    public async Task<IActionResult> OnPostOpenCaseAsync(int id, int caseStage, Core.Domain.CaseReason caseReason, string? caseSummary,
        [FromServices] Core.Features.Cases.OpenCase open, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var opened = await open.HandleAsync(scope, new Core.Features.Cases.OpenCase.Request(id, caseStage, caseReason, caseSummary ?? ""), ct);
            return opened is null ? NotFound() : Redirect($"/cases/{opened.Id}");
        }
        catch (Core.ValidationException e)
        {
            CaseError = char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + ".";
        }
        return await OnGetAsync(id, ct);
    }

    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    /// <summary>Sets or clears an aspirational target (pastoral viewers only; anyone else is answered "not found").</summary>
    public async Task<IActionResult> OnPostAspirationAsync(int id, int enrolment, string? grade,
        [FromServices] Core.Features.Targets.SetAspirationalTarget aspirations, [FromServices] Core.Data.AuditActor actor, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            if (!await aspirations.HandleAsync(new Core.Features.Targets.SetAspirationalTarget.Request(scope, enrolment, grade, actor.Name), ct))
            {
                return NotFound();
            }
            Message = string.IsNullOrWhiteSpace(grade) ? "Aspirational target removed." : $"Aspirational target set to {grade.Trim()}.";
        }
        catch (Core.ValidationException e)
        {
            (Message, MessageIsError) = (char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + ".", true);
        }
        return await OnGetAsync(id, ct);
    }

    public static string Describe(GetStudentProfile.TimelineKind kind) => kind switch
    {
        GetStudentProfile.TimelineKind.Behaviour => "Behaviour",
        GetStudentProfile.TimelineKind.DataDrop => "Grade at a data drop",
        GetStudentProfile.TimelineKind.Casework => "Case",
        GetStudentProfile.TimelineKind.Referral => "Referral or concern",
        GetStudentProfile.TimelineKind.OneToOne => "1:1 review",
        GetStudentProfile.TimelineKind.ParentContact => "Parents and carers",
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
