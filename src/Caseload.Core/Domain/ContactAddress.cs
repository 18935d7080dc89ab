namespace Caseload.Core.Domain;

/// <summary>A contact's postal address as letters print it: one line per part, the postcode last.</summary>
public static class ContactAddress
{
    public const int MaxLength = 500;

    /// <summary>
    /// Lines from an address written with line breaks or commas ("12 High Street, Leeds"), with the postcode (when given
    /// apart) as the last line, in capitals; null when there is neither.
    /// </summary>
    public static string? Normalise(string? address, string? postcode = null)
    {
        var lines = (address ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (!string.IsNullOrWhiteSpace(postcode))
        {
            lines.Add(postcode.Trim().ToUpperInvariant());
        }
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
