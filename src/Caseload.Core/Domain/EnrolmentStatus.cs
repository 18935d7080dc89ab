namespace Caseload.Core.Domain;

/// <summary>Where a student's enrolment on a course stands. Ended enrolments are kept: they are the retention figures' history.</summary>
public enum EnrolmentStatus
{
    /// <summary>Studying the course (or finished it at its planned end: retained).</summary>
    Active = 0,
    /// <summary>Left the course before its end (a drop, a reduced programme, or leaving the institution).</summary>
    Withdrawn = 1,
    /// <summary>Left the course for another at the same institution (a swap or a change of level: ILR reason 40).</summary>
    Transferred = 2,
}
