namespace Caseload.Core.Features.Casework;

/// <summary>
/// Someone else saved the record after the caller read it: the caller's change was not saved. Carries who and when, so
/// a page can say so and show the latest version.
/// </summary>
public sealed class ConcurrencyException(string what, string changedBy, DateTime changedAt)
    : Exception($"{what} was changed by {changedBy} at {changedAt:HH:mm} on {changedAt:d MMM} after you opened it, so your change was not saved; the latest version is shown: make your change again if it is still needed")
{
    public string ChangedBy { get; } = changedBy;
    public DateTime ChangedAt { get; } = changedAt;
}
