namespace Caseload.Core.Features.Imports;

/// <summary>One thing wrong with an import file, located the way editors and compilers do it.</summary>
public sealed record ImportProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>
/// Collects every problem in a file (up to <see cref="Limit"/> kept, all counted), so a person fixes the file
/// once instead of once per error.
/// </summary>
public sealed class ImportProblems(string file, int limit = 100)
{
    private readonly List<ImportProblem> _kept = [];

    public string File { get; } = file;
    public int Limit { get; } = limit;
    public int Count { get; private set; }
    public IReadOnlyList<ImportProblem> Kept => _kept;
    public bool Any => Count > 0;

    public void Add(int line, int column, string message)
    {
        Count++;
        if (_kept.Count < Limit)
        {
            _kept.Add(new ImportProblem(File, line, column, message));
        }
    }
}
