namespace Caseload.Core.Domain;

/// <summary>The roles a member of staff can hold. Names are the ones used in the staff import's <c>roles</c> column.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string SeniorLeader = "senior-leader";
    public const string ProgressLeader = "progress-leader";
    public const string SeniorTutor = "senior-tutor";
    public const string Tutor = "tutor";
    public const string SubjectTeacher = "subject-teacher";
    public const string SafeguardingLead = "safeguarding-lead";
    public const string Wellbeing = "wellbeing";
    public const string LearningSupport = "learning-support";
    public const string Careers = "careers";
    public const string StudentServices = "student-services";
    /// <summary>A counsellor: a member of the wellbeing team (the role implies it) who also keeps counselling notes, which
    /// only counsellors read.</summary>
    public const string Counsellor = "counsellor";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, SeniorLeader, ProgressLeader, SeniorTutor, Tutor, SubjectTeacher,
        SafeguardingLead, Wellbeing, LearningSupport, Careers, StudentServices, Counsellor,
    ];

    /// <summary>Accepts the canonical name in any case, with spaces or underscores for hyphens.</summary>
    public static string? Normalise(string value)
    {
        var v = value.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-');
        return All.Contains(v) ? v : null;
    }
}
