namespace Caseload.Core.Domain;

/// <summary>
/// One signed-in session of an account, kept on the server so that ending it (signing out, "sign out everywhere", a
/// password reset, a disabled account) takes effect at once, whatever copies of its cookie exist.
/// </summary>
public sealed class UserSession
{
    public const int DeviceLength = 200;

    public Guid Id { get; set; }
    public int UserId { get; set; }
    public DateTime SignedInAt { get; set; }
    /// <summary>Updated at most once a minute, not on every request.</summary>
    public DateTime LastSeenAt { get; set; }
    /// <summary>The browser as it names itself, shortened: enough for a person to recognise their own devices.</summary>
    public string? Device { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>Why it ended: "signed out", "ended from another session", "password reset", "account disabled"…</summary>
    public string? EndedWhy { get; set; }
}
