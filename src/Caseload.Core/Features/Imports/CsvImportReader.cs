using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Caseload.Core.Features.Imports;

/// <summary>
/// Reads an import file: UTF-8 with or without BOM, RFC 4180 quoting, CRLF or LF, a header row whose names are
/// matched case-insensitively in any order. Positions are reported as line (1-based, physical) and column
/// (the 1-based position of the field in the row, as a spreadsheet counts columns).
/// </summary>
public sealed class CsvImportReader : IDisposable
{
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly ImportProblems _problems;
    private readonly int[] _fieldOf; // schema column -> field index in the file, or -1
    private int _headerWidth;
    private int _lastRawRow;

    private CsvImportReader(Stream stream, ImportSchema schema, ImportProblems problems)
    {
        Schema = schema;
        _problems = problems;
        // Invalid UTF-8 must be refused, not silently replaced with U+FFFD. Byte-order marks are not followed: following
        // one switches to a decoder that replaces bad bytes (Excel's "CSV UTF-8" always writes one) or reads UTF-16
        // without a word. A UTF-8 mark is read as U+FEFF and dropped from the header; others are refused (ReadHeader).
        _text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            IgnoreBlankLines = true,
            // Memory stays bounded whatever the file: a field (or a line with no delimiter at all) longer than this is refused.
            MaxFieldSize = MaxFieldLength,
            BadDataFound = args => _problems.Add(LineOf(args.Context.Parser!), 1,
                "badly quoted field; expected a quote to open and close the whole field, with quotes inside doubled (\"\")"),
        };
        _parser = new CsvParser(_text, config);
        _fieldOf = new int[schema.Columns.Count];
        Array.Fill(_fieldOf, -1);
    }

    /// <summary>The longest field any import accepts, in characters (the longest free text stored is 8,000).</summary>
    public const int MaxFieldLength = Domain.Limits.ImportFieldLength;

    public ImportSchema Schema { get; }
    public List<string> Warnings { get; } = [];

    /// <summary>The physical line on which the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>Opens the file and reads its header; returns null (with problems recorded) when the header is unusable.</summary>
    public static CsvImportReader? Open(Stream stream, ImportSchema schema, ImportProblems problems)
    {
        var reader = new CsvImportReader(stream, schema, problems);
        if (reader.ReadHeader())
        {
            return reader;
        }
        reader.Dispose();
        return null;
    }

    private bool ReadHeader()
    {
        if (OtherUnicode(_text.BaseStream) is { } other)
        {
            _problems.Add(1, 1, $"the file is saved as {other}; expected UTF-8 (in Excel: save as 'CSV UTF-8')");
            return false;
        }
        try
        {
            _text.Peek();
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = Utf8Locator.FirstInvalid(_text.BaseStream) ?? (1, 1);
            _problems.Add(line, column, "the file is not valid UTF-8 here; expected a UTF-8 text file (in Excel: save as 'CSV UTF-8')");
            return false;
        }
        if (!SafeRead())
        {
            if (!_problems.Any)
            {
                _problems.Add(1, 1, $"the file is empty; expected a header row with the columns {string.Join(", ", Schema.Required)}");
            }
            return false;
        }
        _headerWidth = _parser.Count;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < _headerWidth; f++)
        {
            var name = (f == 0 ? _parser[f].TrimStart('\uFEFF') : _parser[f]).Trim().ToLowerInvariant();
            if (seen.TryGetValue(name, out var first))
            {
                _problems.Add(Line, f + 1, $"column '{name}' appears twice (first at column {first + 1}); expected each column once");
                continue;
            }
            seen[name] = f;
            var col = IndexOfColumn(name);
            if (col >= 0)
            {
                _fieldOf[col] = f;
            }
            else if (name.Length > 0)
            {
                Warnings.Add($"{_problems.File}:{Line}:{f + 1}: unknown column '{name}' ignored");
            }
        }
        foreach (var required in Schema.Required)
        {
            if (_fieldOf[Schema.IndexOf(required)] < 0)
            {
                _problems.Add(Line, _headerWidth + 1,
                    $"missing required column '{required}'; a {Schema.Kind} file needs {string.Join(", ", Schema.Required)}");
            }
        }
        return !_problems.Any;
    }

    private int IndexOfColumn(string name)
    {
        for (var i = 0; i < Schema.Columns.Count; i++)
        {
            if (Schema.Columns[i] == name)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Moves to the next record. Records with the wrong number of fields are reported and skipped.</summary>
    public bool Read()
    {
        while (SafeRead())
        {
            if (_parser.Count == _headerWidth)
            {
                if (ControlCharacter() is { } bad)
                {
                    // Reported where it is, never echoed (a terminal would act on an escape sequence).
                    _problems.Add(Line, bad.Field + 1, $"this field holds a control character (U+{bad.Code:X4}); expected plain text (save the file again as 'CSV UTF-8')");
                    continue;
                }
                return true;
            }
            if (_parser.Count == 1 && _parser[0].Length == 0)
            {
                continue; // a line of only whitespace-free emptiness, e.g. a trailing ",": nothing to import
            }
            _problems.Add(Line, Math.Min(_parser.Count, _headerWidth) + 1,
                $"this row has {_parser.Count} fields; expected {_headerWidth}, as in the header");
        }
        return false;
    }

    /// <summary>UTF-16 or UTF-32, by the byte-order mark at the start (a file that can be read twice); null otherwise.</summary>
    private static string? OtherUnicode(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null; // such a file then fails as invalid UTF-8 at 1:1
        }
        var start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = start;
        return head[..n] switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32",
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16 (\"Unicode text\")",
            _ => null,
        };
    }

    private (int Field, int Code)? ControlCharacter()
    {
        for (var f = 0; f < _parser.Count; f++)
        {
            var field = _parser[f];
            if (Shared.PlainText.FirstControlCharacter(field) is { } at)
            {
                return (f, field[at]);
            }
        }
        return null;
    }

    private bool SafeRead()
    {
        try
        {
            if (!_parser.Read())
            {
                return false;
            }
        }
        catch (MaxFieldSizeException)
        {
            _problems.Add(_lastRawRow + 1, 1, $"a field (or a line without separators) is longer than {MaxFieldLength:N0} characters; expected a CSV file of rows of short fields");
            return false;
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = Utf8Locator.FirstInvalid(_text.BaseStream) ?? (_lastRawRow + 1, 1);
            _problems.Add(line, column, "the file is not valid UTF-8 here; expected a UTF-8 text file (in Excel: save as 'CSV UTF-8')");
            return false;
        }
        Line = LineOf(_parser);
        _lastRawRow = _parser.RawRow;
        return true;
    }

    private static int LineOf(IParser parser)
    {
        // RawRow is the line the record ends on; a quoted field may have spanned several lines.
        var raw = parser.RawRecord.AsSpan().TrimEnd("\r\n");
        return parser.RawRow - raw.Count('\n');
    }

    /// <summary>The trimmed value of a schema column in the current record; "" when the column is absent.</summary>
    public string this[int column]
    {
        get
        {
            var f = _fieldOf[column];
            return f < 0 ? "" : _parser[f].Trim();
        }
    }

    public bool Has(int column) => _fieldOf[column] >= 0;

    /// <summary>The 1-based column number of a schema column in this file, for messages.</summary>
    public int ColumnNumber(int column) => _fieldOf[column] + 1;

    public long BytesRead => _text.BaseStream.CanSeek ? _text.BaseStream.Position : 0;

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
    }
}
