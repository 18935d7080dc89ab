
namespace Caseload.Core.Data;

/// <summary>A validated register mark, ready to write. Codes are already normalised to the code table's spelling.</summary>
public readonly record struct MarkRow(int StudentId, DateOnly Date, string Session, string Code, short? MinutesLate)
{
    /// <summary>Orders marks by the table's key, so the database appends to its index instead of jumping about.</summary>
    public static readonly IComparer<MarkRow> KeyOrder = Comparer<MarkRow>.Create((a, b) =>
    {
        var c = a.StudentId.CompareTo(b.StudentId);
        if (c == 0)
        {
            c = a.Date.CompareTo(b.Date);
        }
        return c != 0 ? c : string.CompareOrdinal(a.Session, b.Session);
    });
}

/// <summary>How much one student-week's totals moved in a merge (what the marks written added, less what they replaced).</summary>
public readonly record struct WeekDelta(int StudentId, DateOnly WeekStart, int Possible, int Present, int ApprovedActivity,
    int AuthorisedAbsence, int UnauthorisedAbsence, int Lates, int LatesAfterClose, int MinutesLate);

/// <param name="Deltas">Every student-week the merge changed, by how much: the students' summaries move by the same.</param>
public sealed record MarkMergeResult(int Inserted, int Updated, int Unchanged, int WeeksRefreshed, IReadOnlyList<WeekDelta> Deltas);

/// <summary>
/// The bulk path for register marks, one implementation per database: binary COPY and a set-based merge on
/// PostgreSQL, prepared batched upserts on SQLite. Either way it runs inside the caller's transaction, leaves
/// identical marks untouched (so a re-import changes nothing), lets the history trigger keep corrected values,
/// and moves the weekly summaries of exactly the student-weeks that changed by what changed
/// (<see cref="AttendanceWeeksSql.ApplyChanges"/>).
/// </summary>
public interface IAttendanceStore
{
    Task<MarkMergeResult> MergeAsync(CaseloadDbContext db, int institutionId, IReadOnlyList<MarkRow> rows, string actor, DateTime now, CancellationToken ct);

    /// <summary>Recomputes every weekly summary of an institution from its marks (after the code table changes).</summary>
    Task<int> RebuildWeeksAsync(CaseloadDbContext db, int institutionId, CancellationToken ct);
}
