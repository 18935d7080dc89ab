namespace Caseload.Core.Domain;

/// <summary>How a student was involved in an incident. One role per student per incident: a victim is never a perpetrator.</summary>
public enum IncidentRole
{
    Perpetrator,
    Victim,
    Witness,
    Involved,
}
