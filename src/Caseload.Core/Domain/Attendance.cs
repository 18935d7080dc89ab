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

public static class AttendanceMeaningExtensions
{
    public static bool IsPossible(this AttendanceMeaning m) => m <= AttendanceMeaning.UnauthorisedAbsence;
    public static bool IsAttending(this AttendanceMeaning m) => m is AttendanceMeaning.Present or AttendanceMeaning.ApprovedActivity;
    public static bool IsAbsence(this AttendanceMeaning m) => m is AttendanceMeaning.AuthorisedAbsence or AttendanceMeaning.UnauthorisedAbsence;
}

/// <summary>One row of an institution's editable code table.</summary>
public sealed class AttendanceCode
{
    public int InstitutionId { get; set; }
    public required string Code { get; set; }
    public required string Description { get; set; }
    public AttendanceMeaning Meaning { get; set; }
    /// <summary>The student arrived late (<c>L</c> before the register closed, <c>U</c> after).</summary>
    public bool IsLate { get; set; }
    /// <summary>Withdrawn from use (e.g. <c>H</c>, <c>J</c>, <c>Y</c> in 2024) but still classifies old marks.</summary>
    public bool Withdrawn { get; set; }
}

/// <summary>
/// One register mark: a session (AM/PM) or a lesson (P3). The key is the natural key of the import.
/// Corrections are kept by a database trigger in <see cref="AttendanceMarkChange"/>.
/// </summary>
public sealed class AttendanceMark
{
    public int StudentId { get; set; }
    public DateOnly Date { get; set; }
    public required string Session { get; set; }
    public required string Code { get; set; }
    public int? MinutesLate { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>The previous value of a corrected mark, who replaced it and when. Written by a trigger.</summary>
public sealed class AttendanceMarkChange
{
    public long Id { get; set; }
    public int StudentId { get; set; }
    public DateOnly Date { get; set; }
    public required string Session { get; set; }
    public required string PreviousCode { get; set; }
    public int? PreviousMinutesLate { get; set; }
    public DateTime PreviousRecordedAt { get; set; }
    public required string PreviousRecordedBy { get; set; }
    public required string NewCode { get; set; }
    public int? NewMinutesLate { get; set; }
    public DateTime ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
}

/// <summary>
/// Exact per-student, per-week (Monday) totals of the marks, maintained by every import and correction
/// so that pages never aggregate a year of raw marks per request.
/// </summary>
public sealed class AttendanceWeek
{
    public int StudentId { get; set; }
    public DateOnly WeekStart { get; set; }
    public int Possible { get; set; }
    public int Present { get; set; }
    public int ApprovedActivity { get; set; }
    public int AuthorisedAbsence { get; set; }
    public int UnauthorisedAbsence { get; set; }
    public int NotPossible { get; set; }
    /// <summary>Late marks of either kind (<c>L</c> and <c>U</c>).</summary>
    public int Lates { get; set; }
    /// <summary>Late after the register closed (<c>U</c>): counted as unauthorised absence too.</summary>
    public int LatesAfterClose { get; set; }
    public int MinutesLate { get; set; }
    public int Unclassified { get; set; }

    public int Attended => Present + ApprovedActivity;
}
