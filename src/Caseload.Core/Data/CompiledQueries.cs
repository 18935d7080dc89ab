namespace Caseload.Core.Data;

/// <summary>
/// For EF's compiled queries (<c>EF.CompileAsyncQuery</c>), used on the pages read on every view (a student's page, the
/// signed-in checks): the LINQ is turned into SQL once per process instead of its expression tree being built, compared
/// with the query cache and its parameters extracted on every execution (decision 0024).
/// </summary>
public static class CompiledQueries
{
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
