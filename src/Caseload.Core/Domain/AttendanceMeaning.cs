namespace Caseload.Core.Domain;

/// <summary>The statistical meaning of a register code (DfE, from August 2024).</summary>
public enum AttendanceMeaning
{
    Present = 0,
    ApprovedActivity = 1,
    AuthorisedAbsence = 2,
    UnauthorisedAbsence = 3,
    NotPossible = 4,
    Administrative = 5,
}
