using Caseload.Core.Domain;

namespace Caseload.Core.Security;

/// <summary>
/// Which roles must use an authenticator app as a second factor. An institution's administrator chooses; the
/// administrator and safeguarding-lead roles are always included (they can see every student and restricted records).
/// </summary>
public static class TwoFactorPolicy
{
    public static readonly IReadOnlyList<string> AlwaysRequired = [Roles.Administrator, Roles.SafeguardingLead];

    public static readonly string Default = Institution.DefaultTwoFactorRoles;

    public static IReadOnlySet<string> Parse(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Roles.Normalise).OfType<string>().Concat(AlwaysRequired).ToHashSet();

    /// <summary>The stored form of a chosen set of roles; unknown names are refused, the always-required roles added.</summary>
    public static string Format(IEnumerable<string> roles)
    {
        var chosen = new SortedSet<string>(AlwaysRequired, StringComparer.Ordinal);
        foreach (var role in roles)
        {
            chosen.Add(Roles.Normalise(role) ?? throw new ValidationException(
                $"'{role}' is not a role; expected one of {string.Join(", ", Roles.All)}"));
        }
        return string.Join(",", Roles.All.Where(chosen.Contains));
    }

    /// <summary>True when a member of staff holding these roles must use two-factor sign-in.</summary>
    public static bool Requires(IEnumerable<string> staffRoles, string? stored)
    {
        var required = Parse(stored);
        return staffRoles.Any(required.Contains);
    }
}
