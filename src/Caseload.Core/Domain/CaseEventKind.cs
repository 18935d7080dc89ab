namespace Caseload.Core.Domain;

public enum CaseEventKind
{
    Opened,
    Escalated,
    DeEscalated,
    Reviewed,
    ActionAdded,
    ActionDone,
    Edited,
    Closed,
    Reopened,
    Deleted,
    Taken,
}
