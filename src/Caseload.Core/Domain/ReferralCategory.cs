namespace Caseload.Core.Domain;

/// <summary>What a referral or concern is about; the category decides who receives it (see <c>Referrals.RouteOf</c>).</summary>
public enum ReferralCategory
{
    /// <summary>A general concern about progress, attendance or behaviour: the student's tutor.</summary>
    Concern,
    Wellbeing,
    LearningSupport,
    Careers,
    /// <summary>The counselling service (part of the wellbeing team).</summary>
    Counsellor,
    /// <summary>A referral to an outside agency (CAMHS, early help, youth services), made through the wellbeing team.</summary>
    ExternalAgency,
    /// <summary>A safeguarding concern: the safeguarding team only; nobody else sees it exists, every read is audited.</summary>
    Safeguarding,
}
