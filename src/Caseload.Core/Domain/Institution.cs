namespace Caseload.Core.Domain;

/// <summary>A school or college. One database holds several (a trust); nothing crosses between them.</summary>
public sealed class Institution
{
    /// <summary>The roles that must use two-factor sign-in unless the institution adds more (they see every student or restricted records).</summary>
    public const string DefaultTwoFactorRoles = Roles.Administrator + "," + Roles.SafeguardingLead;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public InstitutionKind Kind { get; set; }
    /// <summary>Invented data from <c>caseload demo</c>: safe to show without sign-in, and the only place demo passwords work.</summary>
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Roles whose members must sign in with a second factor, comma-separated; see <see cref="Security.TwoFactorPolicy"/>.</summary>
    public string TwoFactorRoles { get; set; } = DefaultTwoFactorRoles;
    /// <summary>Goes up after every change to the data (see <see cref="Data.DataVersion"/>); cached views are keyed by it.</summary>
    public long DataVersion { get; set; }
    /// <summary>Attendance at or above this is shown as good (default 95%); see <see cref="Rules.AttendanceBands"/>.</summary>
    public decimal AttendanceGoodFrom { get; set; } = 95m;
    /// <summary>Attendance at or above this (and below good) is shown as one to watch (default 90%); below it, low.</summary>
    public decimal AttendanceWatchFrom { get; set; } = 90m;
    /// <summary>The early-warning weights as <c>factor=weight</c> pairs (see <see cref="Rules.RiskWeights"/>); null means the defaults.</summary>
    public string? RiskWeights { get; set; }
    /// <summary>The address and contact lines printed under the name at the head of letters (up to <see cref="LetterheadLength"/> characters).</summary>
    public string? Letterhead { get; set; }

    /// <summary>The key that signs the child-protection files it sends (ECDSA P-256, PKCS#8, encrypted with the app's
    /// data-protection keys); made the first time one is sent.</summary>
    public byte[]? SigningKey { get; set; }

    public const int LetterheadLength = 400;
}
