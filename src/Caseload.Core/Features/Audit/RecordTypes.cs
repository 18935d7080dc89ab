using System.Text;
using Caseload.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Audit;

/// <summary>
/// The kinds of record the audit log names, in words for the people who read it: an entry's record type is stored as the
/// type's name ("InterventionCase"), shown as "Intervention case"; the reads it records have names of their own.
/// </summary>
public static class RecordTypes
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["StudentProfile"] = "Student's profile",
        ["StudentAttendance"] = "Student's attendance",
        ["SafeguardingRetention"] = "Safeguarding retention review",
        ["OneToOneMeeting"] = "1:1 review",
        ["OneToOnePriority"] = "1:1 priority",
        ["CaseloadUser"] = "Sign-in account",
        ["IdentityUserClaim`1"] = "Sign-in account claim",
        ["IdentityUserLogin`1"] = "Sign-in account login",
        ["IdentityUserToken`1"] = "Sign-in account token",
    };

    /// <summary>The record type in words: "InterventionCase" is "Intervention case".</summary>
    public static string Describe(string entity) => Named.TryGetValue(entity, out var words) ? words : Words(entity);

    /// <summary>Every record type an entry can name (what the data context audits, and the reads), in words, by words.</summary>
    public static IReadOnlyList<(string Entity, string Words)> All(CaseloadDbContext db) =>
    [
        .. db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType && AuditInterceptor.Audited(t.ClrType))
            .Select(t => t.ClrType.Name).Concat(Named.Keys).Distinct(StringComparer.Ordinal)
            .Select(n => (n, Describe(n))).OrderBy(t => t.Item2, StringComparer.OrdinalIgnoreCase),
    ];

    /// <summary>A type's name split into lower-case words after the first ("SafeguardingEntry" → "Safeguarding entry");
    /// a generic type's arity ("`1") is dropped.</summary>
    internal static string Words(string name)
    {
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var bare = tick < 0 ? name : name[..tick];
        var words = new StringBuilder(bare.Length + 8);
        for (var i = 0; i < bare.Length; i++)
        {
            var c = bare[i];
            var startsWord = i > 0 && char.IsUpper(c) && (char.IsLower(bare[i - 1]) || (i + 1 < bare.Length && char.IsLower(bare[i + 1]) && char.IsUpper(bare[i - 1])));
            if (startsWord)
            {
                words.Append(' ');
            }
            words.Append(i > 0 && startsWord && !(i + 1 < bare.Length && char.IsUpper(bare[i + 1])) ? char.ToLowerInvariant(c) : c);
        }
        return words.ToString();
    }
}
