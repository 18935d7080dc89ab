namespace Caseload.Core.Domain;

public enum ImportOutcome
{
    Applied = 0,
    Refused = 1,
    DryRun = 2,
}
