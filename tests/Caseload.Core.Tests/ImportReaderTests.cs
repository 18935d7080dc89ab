using System.Text;
using Caseload.Core.Features.Imports;

namespace Caseload.Core.Tests;

public sealed class ImportReaderTests
{
    private static readonly ImportSchema Schema = new("test", ["id", "name"], ["note"]);

    private static (List<(int Line, string Id, string Name, string Note)> Rows, ImportProblems Problems, List<string> Warnings) Read(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }
        var problems = new ImportProblems("t.csv");
        var rows = new List<(int, string, string, string)>();
        using var reader = CsvImportReader.Open(new MemoryStream(bytes), Schema, problems);
        if (reader is null)
        {
            return (rows, problems, []);
        }
        while (reader.Read())
        {
            rows.Add((reader.Line, reader[0], reader[1], reader[2]));
        }
        return (rows, problems, reader.Warnings);
    }

    [Fact]
    public void Headers_match_in_any_case_and_order_with_a_bom_and_crlf()
    {
        var (rows, problems, _) = Read("NAME,Id\r\nAmira,S1\r\nChidi,S2\r\n", bom: true);
        Assert.False(problems.Any);
        Assert.Equal([(2, "S1", "Amira", ""), (3, "S2", "Chidi", "")], rows);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_newlines_and_lines_count_physically()
    {
        var (rows, problems, _) = Read("id,name,note\n1,\"Smith, Jo\",\"said \"\"hi\"\"\nand left\"\n2,Eze,\n");
        Assert.False(problems.Any);
        Assert.Equal("Smith, Jo", rows[0].Name);
        Assert.Equal("said \"hi\"\nand left", rows[0].Note);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(4, rows[1].Line); // the quoted newline took line 3
    }

    [Fact]
    public void Missing_required_column_is_reported_on_the_header_line()
    {
        var (_, problems, _) = Read("id,note\n1,x\n");
        var p = Assert.Single(problems.Kept);
        Assert.Equal(1, p.Line);
        Assert.Contains("missing required column 'name'", p.Message);
        Assert.StartsWith("t.csv:1:", p.ToString());
    }

    [Fact]
    public void Unknown_columns_are_warnings_not_errors()
    {
        var (rows, problems, warnings) = Read("id,name,shoe_size\n1,Ava,5\n");
        Assert.False(problems.Any);
        Assert.Single(rows);
        Assert.Equal("t.csv:1:3: unknown column 'shoe_size' ignored", Assert.Single(warnings));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_reported_with_its_line()
    {
        var (rows, problems, _) = Read("id,name\n1,Ava\n2,Ben,extra\n3,Cai\n");
        Assert.Equal(2, rows.Count);
        var p = Assert.Single(problems.Kept);
        Assert.Equal(3, p.Line);
        Assert.Contains("has 3 fields; expected 2", p.Message);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_a_clear_message()
    {
        var bytes = Encoding.UTF8.GetBytes("id,name\n1,Ren").Concat(new byte[] { 0xE9, 0x0A }).ToArray(); // Latin-1 é
        var problems = new ImportProblems("t.csv");
        using (var reader = CsvImportReader.Open(new MemoryStream(bytes), Schema, problems))
        {
            while (reader?.Read() == true)
            {
            }
        }
        var p = Assert.Single(problems.Kept);
        Assert.Contains("not valid UTF-8", p.Message);
        Assert.Equal((2, 6), (p.Line, p.Column)); // "1,Ren" then the bad byte

    }

    [Fact]
    public void Invalid_utf8_after_a_byte_order_mark_is_refused_too()
    {
        // With a UTF-8 byte-order mark, a reader that follows it switches to a decoder that replaces bad bytes silently.
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("id,name\n1,Ren")).Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        var problems = new ImportProblems("t.csv");
        var rows = 0;
        using (var reader = CsvImportReader.Open(new MemoryStream(bytes), Schema, problems))
        {
            while (reader?.Read() == true)
            {
                rows++;
            }
        }
        var p = Assert.Single(problems.Kept);
        Assert.Equal((2, 6), (p.Line, p.Column));
        Assert.Contains("not valid UTF-8", p.Message);
    }

    [Fact]
    public void A_utf16_file_is_refused_not_read_silently()
    {
        var problems = new ImportProblems("t.csv");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id,name\n1,Ren\n")).ToArray();
        using (var reader = CsvImportReader.Open(new MemoryStream(bytes), Schema, problems))
        {
            Assert.Null(reader);
        }
        var p = Assert.Single(problems.Kept);
        Assert.Equal((1, 1, "the file is saved as UTF-16 (\"Unicode text\"); expected UTF-8 (in Excel: save as 'CSV UTF-8')"), (p.Line, p.Column, p.Message));
    }

    [Fact]
    public void A_field_longer_than_the_limit_is_refused_with_bounded_memory()
    {
        // A 50 MB line with no separators (like /dev/zero or a file that is not CSV) stops at the limit, with where.
        var problems = new ImportProblems("t.csv");
        var huge = new MemoryStream();
        huge.Write(Encoding.UTF8.GetBytes("id,name\n1,"));
        huge.Write(Enumerable.Repeat((byte)'x', 50_000_000).ToArray());
        huge.Position = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var reader = CsvImportReader.Open(huge, Schema, problems))
        {
            while (reader?.Read() == true)
            {
            }
        }
        var p = Assert.Single(problems.Kept);
        Assert.Equal((2, "a field (or a line without separators) is longer than 10,000 characters; expected a CSV file of rows of short fields"), (p.Line, p.Message));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20_000_000, "the reader should stop at the limit, not read the whole line");
    }

    [Fact]
    public void An_empty_file_says_what_header_was_expected()
    {
        var (_, problems, _) = Read("");
        Assert.Contains("expected a header row with the columns id, name", Assert.Single(problems.Kept).Message);
    }

    [Fact]
    public void Problems_beyond_the_limit_are_counted_but_not_kept()
    {
        var p = new ImportProblems("f.csv", limit: 3);
        for (var i = 0; i < 10; i++)
        {
            p.Add(i + 2, 1, "bad");
        }
        Assert.Equal(10, p.Count);
        Assert.Equal(3, p.Kept.Count);
    }

    [Theory]
    [InlineData("2026-09-07", 2026, 9, 7)]
    [InlineData("07/09/2026", 2026, 9, 7)]
    [InlineData("7/9/2026", 2026, 9, 7)]
    public void Dates_are_iso_or_uk(string text, int y, int m, int d)
    {
        Assert.True(Fields.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("09/31/2026")] // US order: month 31 does not exist
    [InlineData("31/02/2026")]
    [InlineData("2026-9-7x")]
    public void Impossible_or_foreign_dates_are_refused(string text) => Assert.False(Fields.TryParseDate(text, out _));
}
