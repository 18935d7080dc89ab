namespace Caseload.Core.Shared;

/// <summary>
/// Someone else saved the record after the caller read it: the caller's change was not saved. Carries who and when
/// when the record keeps them, so a page can say so and show the latest version.
/// </summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException(string what, string changedBy, DateTime changedAt)
        : base($"{what} was changed by {changedBy} at {changedAt:HH:mm} on {changedAt:d MMM} after you opened it, so your change was not saved; the latest version is shown: make your change again if it is still needed")
    {
        (ChangedBy, ChangedAt) = (changedBy, changedAt);
    }

    /// <summary>For records that do not keep who changed them last (a referral's status, an action plan's target).</summary>
    public ConcurrencyException(string what)
        : base($"{what} was changed by someone else after you opened it, so your change was not saved; the latest version is shown: make your change again if it is still needed")
    {
    }

    public string? ChangedBy { get; }
    public DateTime? ChangedAt { get; }
}
