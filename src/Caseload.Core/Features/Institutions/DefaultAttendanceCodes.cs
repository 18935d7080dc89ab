using Caseload.Core.Domain;

namespace Caseload.Core.Features.Institutions;

/// <summary>
/// The DfE register codes from August 2024, shipped as each new institution's editable code table.
/// D, Q, X and Y1–Y7 are not possible sessions (not authorised absence, as one well-known seed file has it).
/// </summary>
public static class DefaultAttendanceCodes
{
    public static IReadOnlyList<AttendanceCode> For(int institutionId)
    {
        var list = new List<AttendanceCode>();
        void Add(string code, string description, AttendanceMeaning meaning, bool late = false, bool withdrawn = false) =>
            list.Add(new AttendanceCode { InstitutionId = institutionId, Code = code, Description = description, Meaning = meaning, IsLate = late, Withdrawn = withdrawn });

        Add("/", "Present (morning)", AttendanceMeaning.Present);
        Add("\\", "Present (afternoon)", AttendanceMeaning.Present);
        Add("L", "Late, before the register closed", AttendanceMeaning.Present, late: true);
        Add("K", "Attending provision arranged by the local authority", AttendanceMeaning.ApprovedActivity);
        Add("V", "Attending an educational visit or trip", AttendanceMeaning.ApprovedActivity);
        Add("P", "Participating in an approved sporting activity", AttendanceMeaning.ApprovedActivity);
        Add("W", "Attending work experience", AttendanceMeaning.ApprovedActivity);
        Add("B", "Attending any other approved educational activity", AttendanceMeaning.ApprovedActivity);
        Add("C", "Leave of absence for exceptional circumstances", AttendanceMeaning.AuthorisedAbsence);
        Add("C1", "Leave for a regulated performance or employment abroad", AttendanceMeaning.AuthorisedAbsence);
        Add("C2", "Leave for a part-time timetable (classification unverified; check locally)", AttendanceMeaning.AuthorisedAbsence);
        Add("E", "Suspended or excluded, no alternative provision", AttendanceMeaning.AuthorisedAbsence);
        Add("I", "Illness (not medical or dental appointment)", AttendanceMeaning.AuthorisedAbsence);
        Add("J1", "Leave to attend an interview", AttendanceMeaning.AuthorisedAbsence);
        Add("M", "Medical or dental appointment", AttendanceMeaning.AuthorisedAbsence);
        Add("R", "Religious observance", AttendanceMeaning.AuthorisedAbsence);
        Add("S", "Study leave", AttendanceMeaning.AuthorisedAbsence);
        Add("T", "Parent travelling for occupational purposes", AttendanceMeaning.AuthorisedAbsence);
        Add("G", "Holiday not authorised", AttendanceMeaning.UnauthorisedAbsence);
        Add("N", "Reason for absence not yet provided", AttendanceMeaning.UnauthorisedAbsence);
        Add("O", "Absent in other or unknown circumstances", AttendanceMeaning.UnauthorisedAbsence);
        Add("U", "Arrived after the register closed", AttendanceMeaning.UnauthorisedAbsence, late: true);
        Add("D", "Dual registered, at another setting", AttendanceMeaning.NotPossible);
        Add("X", "Not required to be in school", AttendanceMeaning.NotPossible);
        Add("Q", "Unable to attend: lack of access arrangements (classification unverified; check locally)", AttendanceMeaning.NotPossible);
        Add("Y1", "Unable to attend: transport not available", AttendanceMeaning.NotPossible);
        Add("Y2", "Unable to attend: widespread travel disruption", AttendanceMeaning.NotPossible);
        Add("Y3", "Unable to attend: part of the premises closed", AttendanceMeaning.NotPossible);
        Add("Y4", "Unable to attend: whole school closed", AttendanceMeaning.NotPossible);
        Add("Y5", "Unable to attend: criminal justice detention", AttendanceMeaning.NotPossible);
        Add("Y6", "Unable to attend: public health guidance or law", AttendanceMeaning.NotPossible);
        Add("Y7", "Unable to attend: any other unavoidable cause", AttendanceMeaning.NotPossible);
        Add("Z", "Prospective pupil not on roll", AttendanceMeaning.Administrative);
        Add("#", "Planned whole-school closure", AttendanceMeaning.Administrative);
        // Withdrawn in 2024; old registers still contain them.
        Add("H", "Holiday authorised (withdrawn 2024)", AttendanceMeaning.AuthorisedAbsence, withdrawn: true);
        Add("J", "Interview (withdrawn 2024; now J1)", AttendanceMeaning.AuthorisedAbsence, withdrawn: true);
        Add("Y", "Unable to attend, exceptional circumstances (withdrawn 2024; now Y1–Y7)", AttendanceMeaning.NotPossible, withdrawn: true);
        return list;
    }
}
