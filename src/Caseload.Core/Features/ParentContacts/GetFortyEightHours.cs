using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.ParentContacts;

/// <summary>The 48-hour rule (<see cref="ParentContactRule"/>): serious incidents of the given students since a date, and
/// whether their parents were contacted in time.</summary>
public sealed class GetFortyEightHours(CaseloadDbContext db)
{
    public sealed record Incident(long BehaviourEventId, int StudentId, string Student, DateOnly On, string Category, int Points,
        DateOnly Deadline, DateOnly? ContactOn, ParentContactRule.State State);

    /// <param name="students">Students the caller has already found the viewer sees.</param>
    public async Task<IReadOnlyList<Incident>> HandleAsync(IReadOnlyCollection<int> students, DateOnly from, DateOnly today, CancellationToken ct = default)
    {
        var rows = await Serious.For(db)(db, [.. students], from).ListAsync(ct);
        return [.. rows.Select(r => new Incident(r.Id, r.StudentId, r.Student, r.Date, r.Category, r.Points, ParentContactRule.Deadline(r.Date), r.Contact,
                ParentContactRule.StateOf(r.Date, r.Contact, today)))
            .OrderByDescending(i => i.On)];
    }

    // Read on every view of a student's page and in every inbox: compiled once (decision 0024).
    private sealed record Row(long Id, int StudentId, string Student, DateOnly Date, string Category, int Points, DateOnly? Contact);

    private static readonly Compiled<Func<CaseloadDbContext, int[], DateOnly, IAsyncEnumerable<Row>>> Serious = CompiledQueries.Of(() =>
        EF.CompileAsyncQuery((CaseloadDbContext db, int[] students, DateOnly from) => db.BehaviourEvents.AsNoTracking()
            .Where(e => students.Contains(e.StudentId) && e.Date >= from && e.Type == BehaviourType.Negative
                && (e.Points <= ParentContactRule.SeriousFromPoints || e.Category.ToLower().Contains("bully") || e.Category.ToLower().Contains("racis")))
            .Select(e => new Row(e.Id, e.StudentId,
                db.Students.Where(s => s.Id == e.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                e.Date, e.Category, e.Points,
                db.ParentContacts.Where(c => c.StudentId == e.StudentId && c.DeletedAt == null && c.On >= e.Date).Min(c => (DateOnly?)c.On)))));
}
