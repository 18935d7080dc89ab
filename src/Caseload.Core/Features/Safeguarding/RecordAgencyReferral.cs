using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Caseload.Core.Shared;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The safeguarding team records a referral to an outside agency (children's social care, police, Prevent, Early Help,
/// CAMHS): to whom, when, the reference, whether consent was given and a summary. Early Help and the Channel panel are
/// voluntary: they need consent (a parent's for a child), so such a referral without it is refused.
/// </summary>
public sealed class RecordAgencyReferral(ReferralAccess access, TimeProvider clock)
{
    public static IReadOnlyList<string> Agencies { get; } = ["Children's social care", "Police", "Prevent", "Channel panel", "Early Help", "CAMHS", "Other"];

    public sealed record Request(long ReferralId, string? Agency, DateOnly? On, string? Reference, bool? Consent, string? Summary);

    /// <returns>False when there is no such concern the viewer may act on.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, Request request, CancellationToken ct = default)
    {
        var concern = await SafeguardingWorkflow.ConcernAsync(access, scope, request.ReferralId, ct);
        if (concern is null)
        {
            return false;
        }
        var agency = Agencies.FirstOrDefault(a => string.Equals(a, request.Agency?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ValidationException($"choose the agency: {string.Join(", ", Agencies)}");
        var today = clock.Today();
        var on = request.On ?? today;
        if (on > today)
        {
            throw new ValidationException($"the date of the referral ({on:d MMMM yyyy}) is in the future; expected today or before");
        }
        if (request.Consent is null)
        {
            throw new ValidationException("say whether consent was given (for a child-protection referral it is not needed: answer no)");
        }
        if (agency is "Early Help" or "Channel panel" && request.Consent is false)
        {
            throw new ValidationException($"{agency} is voluntary and needs consent (a parent's for a child); record the referral once consent is given");
        }
        access.Db.SafeguardingEntries.Add(new SafeguardingEntry
        {
            InstitutionId = concern.InstitutionId,
            StudentId = concern.StudentId,
            ReferralId = concern.Id,
            Kind = SafeguardingEntryKind.AgencyReferral,
            OccurredOn = on,
            RecordedAt = access.Now,
            RecordedByStaffId = scope.Viewer.StaffId,
            Agency = agency,
            Reference = FreeText.Optional(request.Reference, "the reference", Limits.SafeguardingReference),
            Consent = request.Consent,
            Text = FreeText.Required(request.Summary, "a summary of the referral"),
        });
        await access.Db.SaveChangesAsync(ct);
        return true;
    }
}
