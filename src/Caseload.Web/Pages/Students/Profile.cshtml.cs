using Caseload.Core.Features.Students;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Students;

/// <summary>A student's profile. A student the viewer may not see is "not found", exactly like one that does not exist.</summary>
public sealed class ProfileModel(CurrentViewer current, GetStudentProfile profiles, TimeProvider clock, Core.Features.Targets.SetAspirationalTarget aspirations, Core.Data.AuditActor actor,
    Core.Features.Casework.Cases cases, Core.Data.CaseloadDbContext db, Core.Features.Casework.Referrals referrals,
    Core.Features.Casework.OneToOnes oneToOnes, Core.Features.Casework.ParentContacts parentContacts, Core.Features.Casework.BehaviourRecords behaviour, Core.Features.Casework.Letters letters) : PageModel
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
            Cases = await cases.ForStudentAsync(scope!, id, ct);
            Stages = await Core.Features.Casework.Cases.StagesAsync(db, scope!.Viewer.InstitutionId, ct);
            Plan = await oneToOnes.PlanAsync(scope, id, ct);
            Schedule = (await oneToOnes.ScheduleAsync(scope, Today, [id], ct)).FirstOrDefault();
            ContactLog = await parentContacts.ForStudentAsync(scope, id, ct);
            Incidents = await parentContacts.FortyEightHoursAsync([id], DateOnly.MinValue, Today, ct);
            Referrals = profile.Referrals;
            BehaviourRecord = await behaviour.ForStudentAsync(scope, id, ct);
            LetterTemplates = await letters.TemplatesAsync(scope.Viewer.InstitutionId, ct);
        }
        return Page();
    }

    public Core.Features.Casework.OneToOnes.Plan? Plan { get; private set; }
    public Core.Features.Casework.OneToOnes.Due? Schedule { get; private set; }
    public IReadOnlyList<Core.Features.Casework.ParentContacts.Line> ContactLog { get; private set; } = [];
    public IReadOnlyList<Core.Features.Casework.ParentContacts.Incident> Incidents { get; private set; } = [];
    public IReadOnlyList<Core.Domain.Referral> Referrals { get; private set; } = [];
    public string? ReferralError { get; private set; }
    public Core.Features.Casework.BehaviourRecords.Record BehaviourRecord { get; private set; } = new([], [], []);
    public string? BehaviourError { get; private set; }
    public IReadOnlyList<Core.Domain.LetterTemplate> LetterTemplates { get; private set; } = [];

    public Task<IActionResult> OnPostRewardAsync(int id, string? rewardCategory, int rewardPoints, string? rewardNote, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => behaviour.RewardAsync(scope, id, rewardCategory ?? "", rewardPoints, rewardNote, c), ct);

    public Task<IActionResult> OnPostSanctionAsync(int id, Core.Domain.SanctionKind sanctionKind, DateOnly? sanctionOn, string? sanctionReason, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => behaviour.SanctionAsync(scope, id, sanctionKind, sanctionOn ?? throw new Core.ValidationException("give the date of the sanction"), sanctionReason ?? "", c), ct);

    public Task<IActionResult> OnPostServedAsync(int id, long sanction, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => behaviour.MarkServedAsync(scope, sanction, c), ct);

    public Task<IActionResult> OnPostStartReportAsync(int id, DateOnly? reportFrom, string? reportTargets, string? reportReason, CancellationToken ct) =>
        BehaviourAsync(id, async (scope, c) => await behaviour.StartReportAsync(scope, id, reportFrom ?? Today, reportTargets ?? "", reportReason ?? "", c) is not null, ct);

    public Task<IActionResult> OnPostReportDayAsync(int id, long report, DateOnly? dayDate, int dayMet, string? dayComment, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => behaviour.RecordDayAsync(scope, report, dayDate ?? Today, dayMet, dayComment, c), ct);

    public Task<IActionResult> OnPostEndReportAsync(int id, long report, CancellationToken ct) =>
        BehaviourAsync(id, (scope, c) => behaviour.EndReportAsync(scope, report, c), ct);

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
    public async Task<IActionResult> OnPostReferAsync(int id, Core.Domain.ReferralCategory referCategory, Core.Domain.Urgency referUrgency, string? referWhat, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var raised = await referrals.RaiseAsync(scope, new Core.Features.Casework.Referrals.Raise(id, referCategory, referUrgency, referWhat ?? ""), ct);
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
        string? contactSummary, string? contactOutcome, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var logged = await parentContacts.LogAsync(scope, new Core.Features.Casework.ParentContacts.Log(id, contactMethod, contactPositive, contactWith ?? "",
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
    public async Task<IActionResult> OnPostOpenCaseAsync(int id, int caseStage, Core.Domain.CaseReason caseReason, string? caseSummary, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        try
        {
            var opened = await cases.OpenAsync(scope, new Core.Features.Casework.Cases.Open(id, caseStage, caseReason, caseSummary ?? ""), ct);
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
    public async Task<IActionResult> OnPostAspirationAsync(int id, int enrolment, string? grade, CancellationToken ct)
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
