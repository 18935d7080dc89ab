using System.Buffers;
using System.Text.Unicode;

namespace Caseload.Core.Features.Imports;

/// <summary>Finds where a file stops being UTF-8, so the refusal can name the line and column to fix.</summary>
internal static class Utf8Locator
{
    public static (int Line, int Column)? FirstInvalid(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }
        stream.Position = 0;
        var bytes = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var chars = ArrayPool<char>.Shared.Rent(64 * 1024);
        try
        {
            int line = 1, column = 1, carried = 0;
            while (true)
            {
                var n = stream.Read(bytes, carried, bytes.Length - carried) + carried;
                var final = n < bytes.Length;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, n), chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: final);
                foreach (var c in chars.AsSpan(0, written))
                {
                    if (c == '\uFEFF' && line == 1 && column == 1)
                    {
                        continue; // a UTF-8 byte-order mark is not a column
                    }
                    (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
                }
                if (status == OperationStatus.InvalidData)
                {
                    return (line, column);
                }
                if (final)
                {
                    return null;
                }
                carried = n - read; // an incomplete sequence at the end of the buffer: keep it for the next read
                Array.Copy(bytes, read, bytes, 0, carried);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
