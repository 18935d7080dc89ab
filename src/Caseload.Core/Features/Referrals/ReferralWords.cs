using Caseload.Core.Domain;
using Caseload.Core.Security;

namespace Caseload.Core.Features.Referrals;

/// <summary>How a referral's category, urgency, status and receiving team are said on pages and in messages.</summary>
public static class ReferralWords
{
    public static string Describe(ReferralCategory category) => category switch
    {
        ReferralCategory.Concern => "Concern for the tutor",
        ReferralCategory.Wellbeing => "Wellbeing",
        ReferralCategory.LearningSupport => "Learning support",
        ReferralCategory.Careers => "Careers",
        ReferralCategory.Counsellor => "Counsellor",
        ReferralCategory.ExternalAgency => "Outside agency",
        _ => "Safeguarding concern",
    };

    public static string Describe(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "Urgent (today)",
        Urgency.Soon => "Soon (within two days)",
        _ => "Routine (this week)",
    };

    public static string Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.Raised => "Waiting to be acknowledged",
        ReferralStatus.Acknowledged => "Acknowledged",
        ReferralStatus.ActedOn => "Acted on",
        _ => "Closed",
    };

    public static string TeamName(string? role) => role switch
    {
        Roles.SafeguardingLead => "the safeguarding team",
        Roles.Wellbeing => "the wellbeing team",
        Roles.LearningSupport => "learning support",
        Roles.Careers => "the careers team",
        Roles.SeniorLeader => "senior leaders",
        _ => role ?? "",
    };
}
