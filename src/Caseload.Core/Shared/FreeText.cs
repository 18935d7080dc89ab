namespace Caseload.Core.Shared;

/// <summary>
/// The words staff write into a record (a case's summary, a referral, 1:1 notes): trimmed, never empty when required,
/// and never longer than the record holds. The refusal says what was wrong and what was expected.
/// </summary>
public static class FreeText
{
    /// <summary>The longest free text a casework record holds unless it says otherwise.</summary>
    public const int Long = Domain.Limits.FreeText;

    /// <summary>The trimmed text; refused when empty or longer than <paramref name="max"/>.</summary>
    public static string Required(string? text, string what, int max = Long)
    {
        var t = text?.Trim() ?? "";
        return t.Length == 0 ? throw new ValidationException($"write {what}")
            : t.Length > max ? throw new ValidationException($"{what} is {t.Length} characters; expected at most {max}") : t;
    }

    /// <summary>The trimmed text, or null when nothing was written; refused when longer than <paramref name="max"/>.</summary>
    public static string? Optional(string? text, string what, int max = Long) =>
        string.IsNullOrWhiteSpace(text) ? null : Required(text, what, max);

    /// <summary>The first 40 characters, for a message that quotes what was written.</summary>
    public static string Short(string text) => text.Length > 40 ? text[..37] + "…" : text;
}
