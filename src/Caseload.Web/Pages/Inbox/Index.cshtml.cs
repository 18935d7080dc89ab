using Caseload.Core.Features.Inbox;
using Caseload.Core.Shared;
using Caseload.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caseload.Web.Pages.Inbox;

/// <summary>My inbox: cases handed to me, reviews and actions due or overdue, my team's overdue reviews.</summary>
public sealed class IndexModel(CurrentViewer current, Core.Features.Caseload.CaseloadCache cache, Core.Features.Attendance.GetAbsentToday absent, TimeProvider clock) : PageModel
{
    public GetInbox.Result Result { get; private set; } = null!;

    /// <summary>Today at a glance (a progress leader's morning): who is absent, null for staff with no students of their own.</summary>
    public Core.Features.Attendance.GetAbsentToday.Result? Absent { get; private set; }

    /// <summary>Incidents waiting in the behaviour log; null for staff without one.</summary>
    public int? IncidentsWaiting { get; private set; }
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope is null)
        {
            return NotFound();
        }
        Result = await cache.InboxAsync(scope, Today, ct);
        var absentToday = await absent.HandleAsync(scope, Today, ct: ct);
        Absent = absentToday.OnRoll > 0 ? absentToday : null;
        if (Core.Security.Permissions.May(scope.Viewer, Core.Security.Operation.UseBehaviourLog))
        {
            IncidentsWaiting = await cache.BehaviourWaitingAsync(scope, Today, ct);
        }
        return Page();
    }

    /// <summary>A section's rows, 50 at a time: its page and "all" travel as e.g. <c>ReviewDueP</c> and <c>ReviewDueAll</c>,
    /// so opening one long section leaves the others where they were.</summary>
    public Paged<GetInbox.Item> Section(GetInbox.Kind kind, IEnumerable<GetInbox.Item> items)
    {
        var key = kind.ToString();
        var page = int.TryParse(Request.Query[key + "P"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 1;
        var all = string.Equals(Request.Query[key + "All"], "true", StringComparison.OrdinalIgnoreCase);
        return Paging.Of([.. items], page, all);
    }

    public static string Heading(GetInbox.Kind kind) => kind switch
    {
        GetInbox.Kind.HandedToYou => "Cases handed to you",
        GetInbox.Kind.ForSeniorLeaders => "Cases for the senior leadership team: take one to make it yours",
        GetInbox.Kind.ReviewOverdue => "Reviews overdue",
        GetInbox.Kind.ReviewDue => "Reviews due this week",
        GetInbox.Kind.ActionOverdue => "Actions overdue",
        GetInbox.Kind.ActionDue => "Actions due this week",
        GetInbox.Kind.ReferralNew => "New referrals to you",
        GetInbox.Kind.BreakGlass => "Safeguarding records opened by break-glass",
        GetInbox.Kind.ChildProtectionFileToSend => "Child-protection files to send (leavers)",
        GetInbox.Kind.ChildProtectionFileChase => "Child-protection files sent and not acknowledged: chase",
        GetInbox.Kind.SafeguardingActionOverdue => "Safeguarding actions overdue",
        GetInbox.Kind.SafeguardingActionDue => "Safeguarding actions due this week",
        GetInbox.Kind.SafeguardingReview => "Safeguarding monitoring reviews due",
        GetInbox.Kind.WellbeingReviewOverdue => "Wellbeing reviews overdue",
        GetInbox.Kind.WellbeingReviewDue => "Wellbeing reviews due this week",
        GetInbox.Kind.SupportPlanStepOverdue => "Support plan steps overdue",
        GetInbox.Kind.SupportPlanStepDue => "Support plan steps due this week",
        GetInbox.Kind.TeamEscalated => "Escalated in your team this week",
        GetInbox.Kind.SuggestedCase => "Cases the rules suggest (nothing is opened until you do)",
        GetInbox.Kind.ReferralOpen => "Referrals you are dealing with",
        GetInbox.Kind.CourseChangeToAuthorise => "Course changes to authorise",
        GetInbox.Kind.CourseChangeToAction => "Authorised course changes to action",
        GetInbox.Kind.CourseChangeDecided => "Your course change requests decided this week",
        GetInbox.Kind.ProbationReviewDue => "Probation reviews due (first 6 weeks, early warning high)",
        GetInbox.Kind.ResultsMissed => "Results day: firm offers missed, to follow up",
        GetInbox.Kind.ReferenceToCheck => "References to check and release",
        GetInbox.Kind.ReferenceToDraft => "References ready to draft (every contribution is in)",
        GetInbox.Kind.ContributionOverdue => "Reference contributions overdue",
        GetInbox.Kind.ContributionDue => "Reference contributions to write",
        GetInbox.Kind.OneToOneOverdue => "1:1 reviews overdue",
        GetInbox.Kind.OneToOneDue => "1:1 reviews due this week",
        GetInbox.Kind.ParentContactMissed => "Parents not contacted within 48 hours of an incident",
        GetInbox.Kind.ParentContactDue => "Parents to contact (48-hour rule)",
        _ => "Overdue reviews in your team",
    };

    /// <summary>Whether an item past its date is marked overdue (a handed-over case or a referral is dated when it arrived).</summary>
    public static bool CanBeOverdue(GetInbox.Kind kind) => kind is not (GetInbox.Kind.HandedToYou or GetInbox.Kind.ForSeniorLeaders or GetInbox.Kind.TeamEscalated or GetInbox.Kind.SuggestedCase or GetInbox.Kind.ReferralNew or GetInbox.Kind.ReferralOpen or GetInbox.Kind.BreakGlass
        or GetInbox.Kind.CourseChangeToAuthorise or GetInbox.Kind.CourseChangeToAction or GetInbox.Kind.CourseChangeDecided
        or GetInbox.Kind.ReferenceToCheck or GetInbox.Kind.ReferenceToDraft or GetInbox.Kind.ResultsMissed);
}
