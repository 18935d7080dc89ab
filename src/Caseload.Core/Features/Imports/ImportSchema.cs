namespace Caseload.Core.Features.Imports;

/// <summary>The columns an import kind reads. Column names are lower-case; headers match case-insensitively.</summary>
public sealed class ImportSchema
{
    public ImportSchema(string kind, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        Kind = kind;
        Required = required;
        Optional = optional;
        Columns = [.. required, .. optional];
    }

    public string Kind { get; }
    public IReadOnlyList<string> Required { get; }
    public IReadOnlyList<string> Optional { get; }
    public IReadOnlyList<string> Columns { get; }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }
        throw new ArgumentException($"'{column}' is not a column of the {Kind} import.", nameof(column));
    }
}
