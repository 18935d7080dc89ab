namespace Caseload.Core.Domain;

public enum TargetKind
{
    Minimum = 0,
    Aspirational = 1,
}
