namespace Caseload.Core.Domain;

public enum PlanTargetStatus
{
    Open,
    Achieved,
    PartlyAchieved,
    NotAchieved,
    Dropped,
}
