namespace Caseload.Core.Shared;

/// <summary>What counts as plain text for a record: anything but control characters, except tab and line breaks.</summary>
public static class PlainText
{
    /// <summary>The index of the first control character other than tab, CR and LF; null when there is none.</summary>
    public static int? FirstControlCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>"ActionTaken" → "action taken": a property's name in words, for messages.</summary>
    public static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
