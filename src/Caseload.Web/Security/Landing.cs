using Caseload.Core.Domain;

namespace Caseload.Web.Security;

/// <summary>
/// Where each role's morning starts when they open Caseload: the safeguarding lead at the referrals and concerns routed
/// to the safeguarding team, a senior leader at the institution's cohort, a progress leader at their inbox (escalations,
/// referrals and the year's behaviour log), a tutor at their caseload, a member of staff who only teaches at My classes, the wellbeing team at its cases.
/// Someone with several roles starts at the first in that order; "My caseload" stays one link away at /caseload.
/// </summary>
public static class Landing
{
    public const string Caseload = "/caseload";

    public static string For(IReadOnlyCollection<string> roles, bool covering) =>
        roles.Contains(Roles.SafeguardingLead) ? "/referrals"
        : roles.Contains(Roles.SeniorLeader) ? "/cohorts"
        : roles.Contains(Roles.ProgressLeader) ? "/inbox"
        : roles.Contains(Roles.Tutor) || roles.Contains(Roles.SeniorTutor) || covering ? Caseload
        : roles.Contains(Roles.SubjectTeacher) ? "/classes"
        : roles.Contains(Roles.Wellbeing) || roles.Contains(Roles.Counsellor) ? "/wellbeing"
        : Caseload;
}
