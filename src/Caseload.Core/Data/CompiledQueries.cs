using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Caseload.Core.Data;

/// <summary>
/// For EF's compiled queries (<c>EF.CompileAsyncQuery</c>), used on the pages read on every view (a student's page, the
/// signed-in checks): the LINQ is turned into SQL once per process instead of its expression tree being built, compared
/// with the query cache and its parameters extracted on every execution (decision 0024).
/// </summary>
public static class CompiledQueries
{
    /// <summary>A query compiled once for each model it meets: EF ties a compiled query to one model, and a process
    /// normally has one (its provider's), but the tests run SQLite and PostgreSQL side by side.</summary>
    public static Compiled<TQuery> Of<TQuery>(Func<TQuery> compile) where TQuery : Delegate => new(compile);

    /// <summary>The rows of a compiled sequence query, in order.</summary>
    public static async Task<List<T>> ListAsync<T>(this IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }
        return list;
    }
}

/// <summary>See <see cref="CompiledQueries.Of{TQuery}"/>.</summary>
public sealed class Compiled<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    /// <summary>The query compiled for this context's model.</summary>
    public TQuery For(DbContext db) => _byModel.GetOrAdd(db.Model, _ => compile());
}
