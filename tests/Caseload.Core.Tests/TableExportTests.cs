using System.Text;
using Caseload.Core.Exports;
using ClosedXML.Excel;

namespace Caseload.Core.Tests;

public sealed class TableExportTests
{
    private static readonly ExportTable Table = new("Groups", ["Group", "Students", "Gap"],
    [
        ["=HYPERLINK(\"http://evil\")", 12, -2.5m],
        ["+44 7700", 3, null],
        ["-x", 1, 0m],
        ["@SUM(A1)", 2, 1.5m],
        ["12A", 30, 62.5m],
    ]);

    [Fact]
    public void Csv_escapes_text_that_would_run_as_a_formula_and_keeps_numbers_as_numbers()
    {
        using var stream = new MemoryStream();
        TableExport.WriteCsv(stream, [Table]);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Groups", lines[0]);
        Assert.Equal("Group,Students,Gap", lines[1]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\")\",12,-2.5", lines[2]);
        Assert.Equal("'+44 7700,3,", lines[3]);
        Assert.Equal("'-x,1,0", lines[4]);
        Assert.Equal("'@SUM(A1),2,1.5", lines[5]);
        Assert.Equal("12A,30,62.5", lines[6]);
    }

    [Theory]
    [InlineData("'Stella Maris", "Stella Maris")] // a group whose name begins with an apostrophe made the export fail
    [InlineData("Year 12: tutor groups [all]", "Year 12 tutor groups all")]
    [InlineData("''", "Sheet")]
    [InlineData("A tutor group with a very long name indeed, over 31", "A tutor group with a very long")]
    public void Sheet_names_are_ones_excel_accepts(string title, string expected)
    {
        Assert.Equal(expected, TableExport.SheetName(title, []));
        using var stream = new MemoryStream();
        TableExport.WriteExcel(stream, [Table with { Title = title }, Table with { Title = title }]); // the same title twice, too
        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        Assert.Equal([expected, TableExport.SheetName(title, [expected])], book.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void Excel_keeps_text_as_text_escaped_and_numbers_as_numbers()
    {
        using var stream = new MemoryStream();
        TableExport.WriteExcel(stream, [Table]);
        stream.Position = 0;
        using var book = new XLWorkbook(stream);
        var sheet = book.Worksheet("Groups");
        Assert.False(sheet.Cell(3, 1).HasFormula);
        Assert.Equal("'=HYPERLINK(\"http://evil\")", sheet.Cell(3, 1).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(3, 3).DataType);
        Assert.Equal(-2.5, sheet.Cell(3, 3).GetDouble());
        Assert.Equal("'@SUM(A1)", sheet.Cell(6, 1).GetString());
        Assert.Equal(62.5, sheet.Cell(7, 3).GetDouble());
        Assert.True(sheet.Cell(4, 3).IsEmpty());
    }
}
