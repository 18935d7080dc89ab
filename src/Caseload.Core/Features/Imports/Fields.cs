using System.Globalization;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Field parsers shared by every import kind, so that every file gets the same rules and the same messages.
/// Each returns false after recording a problem that says what was wrong and what was expected.
/// </summary>
public static class Fields
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool Required(CsvImportReader r, int column, ImportProblems p, out string value)
    {
        value = r[column];
        if (value.Length > 0)
        {
            return true;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} is empty; a value is required");
        return false;
    }

    public static bool MaxLength(CsvImportReader r, int column, ImportProblems p, string value, int max)
    {
        if (value.Length <= max)
        {
            return true;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} is {value.Length} characters long; expected at most {max}");
        return false;
    }

    public static bool Date(CsvImportReader r, int column, ImportProblems p, out DateOnly date)
    {
        date = default;
        if (!Required(r, column, p, out var value))
        {
            return false;
        }
        if (TryParseDate(value, out date))
        {
            return true;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} '{Shorten(value)}' is not a date; expected yyyy-MM-dd or dd/MM/yyyy");
        return false;
    }

    public static bool OptionalDate(CsvImportReader r, int column, ImportProblems p, out DateOnly? date)
    {
        date = null;
        var value = r[column];
        if (value.Length == 0)
        {
            return true;
        }
        if (TryParseDate(value, out var d))
        {
            date = d;
            return true;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} '{Shorten(value)}' is not a date; expected yyyy-MM-dd or dd/MM/yyyy");
        return false;
    }

    /// <summary>Y/N, true/false, 1/0 in any case; empty means false.</summary>
    public static bool Boolean(CsvImportReader r, int column, ImportProblems p, out bool result)
    {
        result = false;
        var value = r[column];
        switch (value.ToLowerInvariant())
        {
            case "" or "n" or "no" or "false" or "0":
                return true;
            case "y" or "yes" or "true" or "1":
                result = true;
                return true;
            default:
                p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} '{Shorten(value)}' is not a yes/no value; expected Y or N, true or false, 1 or 0");
                return false;
        }
    }

    public static bool Integer(CsvImportReader r, int column, ImportProblems p, int min, int max, out int result)
    {
        result = 0;
        if (!Required(r, column, p, out var value))
        {
            return false;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result) && result >= min && result <= max)
        {
            return true;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} '{Shorten(value)}' is not a whole number from {min} to {max}");
        return false;
    }

    public static bool OptionalInteger(CsvImportReader r, int column, ImportProblems p, int min, int max, out int? result)
    {
        result = null;
        var value = r[column];
        if (value.Length == 0)
        {
            return true;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            result = n;
            return true;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} '{Shorten(value)}' is not a whole number from {min} to {max}");
        return false;
    }

    public static bool OptionalDecimal(CsvImportReader r, int column, ImportProblems p, decimal min, decimal max, out decimal? result)
    {
        result = null;
        var value = r[column];
        if (value.Length == 0)
        {
            return true;
        }
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            result = n;
            return true;
        }
        p.Add(r.Line, r.ColumnNumber(column), $"{r.Schema.Columns[column]} '{Shorten(value)}' is not a number from {min} to {max}");
        return false;
    }

    /// <summary>Quotes a bad value back to the user without flooding the terminal.</summary>
    public static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 37), "...");
}
