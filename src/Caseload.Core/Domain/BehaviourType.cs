namespace Caseload.Core.Domain;

public enum BehaviourType
{
    Positive = 0,
    Negative = 1,
}
