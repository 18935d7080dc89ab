namespace Caseload.Core.Domain;

public static class AttendanceMeaningExtensions
{
    public static bool IsPossible(this AttendanceMeaning m) => m <= AttendanceMeaning.UnauthorisedAbsence;
    public static bool IsAttending(this AttendanceMeaning m) => m is AttendanceMeaning.Present or AttendanceMeaning.ApprovedActivity;
    public static bool IsAbsence(this AttendanceMeaning m) => m is AttendanceMeaning.AuthorisedAbsence or AttendanceMeaning.UnauthorisedAbsence;
}
