using Caseload.Core.Domain;

namespace Caseload.Core.Features.CourseChanges;

/// <summary>How course changes are named on pages, in the inbox, the timeline and the CLI.</summary>
public static class CourseChangeWords
{
    public static string Describe(CourseChangeKind kind) => kind switch
    {
        CourseChangeKind.Add => "Add a course",
        CourseChangeKind.Drop => "Drop a course",
        CourseChangeKind.Swap => "Swap a course",
        CourseChangeKind.ChangeLevel => "Change level",
        CourseChangeKind.ReducedProgramme => "Reduced programme",
        CourseChangeKind.Withdraw => "Withdraw from the institution",
        _ => kind.ToString(),
    };

    public static string Describe(CourseChangeStatus status) => status switch
    {
        CourseChangeStatus.Requested => "Waiting for authorisation",
        CourseChangeStatus.Authorised => "Authorised, waiting to be actioned",
        CourseChangeStatus.Refused => "Refused",
        CourseChangeStatus.Actioned => "Actioned",
        CourseChangeStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>"Drop Physics", "Swap Physics for Chemistry", "Withdraw from the institution".</summary>
    public static string Summary(CourseChangeKind kind, string? from, string? to) => kind switch
    {
        CourseChangeKind.Add => $"Add {to}",
        CourseChangeKind.Drop => $"Drop {from}",
        CourseChangeKind.Swap => $"Swap {from} for {to}",
        CourseChangeKind.ChangeLevel => $"Change level: {from} to {to}",
        CourseChangeKind.ReducedProgramme => $"Reduced programme: stop {from}",
        _ => "Withdraw from the institution",
    };

    public static bool Leaves(CourseChangeKind kind) => kind is CourseChangeKind.Drop or CourseChangeKind.Swap or CourseChangeKind.ChangeLevel or CourseChangeKind.ReducedProgramme or CourseChangeKind.Withdraw;
}
