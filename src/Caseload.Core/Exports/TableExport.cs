using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Caseload.Core.Exports;

/// <summary>A table to export: a title, column headings and rows of text or numbers (null for "no figure").</summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes tables as CSV (CsvHelper) or an Excel workbook (ClosedXML), numbers as numbers. Text that a spreadsheet would
/// take for a formula — beginning with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return, which some
/// spreadsheets skip before one) — is written with a leading apostrophe, so it is shown, never run (OWASP "CSV injection").
/// </summary>
public static class TableExport
{
    public static string Escape(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static void WriteCsv(Stream output, IEnumerable<ExportTable> tables)
    {
        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        var first = true;
        foreach (var table in tables)
        {
            if (!first)
            {
                csv.NextRecord();
            }
            first = false;
            csv.WriteField(Escape(table.Title));
            csv.NextRecord();
            foreach (var h in table.Headings)
            {
                csv.WriteField(Escape(h));
            }
            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        null => "",
                        string s => Escape(s),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => Escape(cell.ToString() ?? ""),
                    });
                }
                csv.NextRecord();
            }
        }
    }

    /// <summary>
    /// A name Excel accepts for a sheet, from any title (a group's name comes from the MIS): none of []:*?/\ or control
    /// characters, no apostrophe at either end, 1–31 characters, and different from the sheets before it.
    /// </summary>
    public static string SheetName(string title, IReadOnlyCollection<string> taken)
    {
        var name = new string([.. title.Where(c => !"[]:*?/\\".Contains(c) && !char.IsControl(c))]).Trim().Trim('\'').Trim();
        name = name.Length == 0 ? "Sheet" : name.Length > 31 ? name[..31].TrimEnd('\'', ' ') : name;
        var unique = name;
        for (var n = 2; taken.Contains(unique, StringComparer.OrdinalIgnoreCase); n++)
        {
            var suffix = $" ({n})";
            unique = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)].TrimEnd('\'', ' ') : name) + suffix;
        }
        return unique;
    }

    public static void WriteExcel(Stream output, IEnumerable<ExportTable> tables)
    {
        using var book = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = book.Worksheets.Add(SheetName(table.Title, book.Worksheets.Select(w => w.Name).ToList()));
            sheet.Cell(1, 1).SetValue(Escape(table.Title));
            sheet.Cell(1, 1).Style.Font.Bold = true;
            for (var c = 0; c < table.Headings.Count; c++)
            {
                sheet.Cell(2, c + 1).SetValue(Escape(table.Headings[c]));
                sheet.Cell(2, c + 1).Style.Font.Bold = true;
            }
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    var cell = sheet.Cell(r + 3, c + 1);
                    switch (table.Rows[r][c])
                    {
                        case null:
                            break;
                        case string s:
                            // SetValue<string> keeps text as text (no formula, no number guessing).
                            cell.SetValue(Escape(s));
                            cell.DataType = XLDataType.Text;
                            break;
                        case int i:
                            cell.SetValue(i);
                            break;
                        case decimal d:
                            cell.SetValue(d);
                            break;
                        default:
                            cell.SetValue(Escape(table.Rows[r][c]!.ToString() ?? ""));
                            cell.DataType = XLDataType.Text;
                            break;
                    }
                }
            }
        }
        book.SaveAs(output);
    }
}
