using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.References;

/// <summary>The student's senior tutor checks a drafted reference, then releases it (to UCAS or the employer), or sends it
/// back to the tutor with the status "contributions in".</summary>
public sealed class CheckReference(ReferenceAccess access)
{
    public enum Step { Check, Release, SendBack }

    /// <returns>False when there is no such application the viewer may see.</returns>
    public async Task<bool> HandleAsync(StudentScope scope, long id, int version, Step step, CancellationToken ct = default)
    {
        var a = await access.ForChangeAsync(scope, id, version, ct);
        if (a is null)
        {
            return false;
        }
        if (!await access.MayCheckAsync(scope.Viewer, a.StudentId, ct))
        {
            throw new ValidationException("only the student's senior tutor checks and releases their reference");
        }
        switch (step)
        {
            case Step.Check when a.Status == ReferenceStatus.Drafted:
                a.Status = ReferenceStatus.Checked;
                a.CheckedByStaffId = scope.Viewer.StaffId;
                a.CheckedAt = access.Now;
                break;
            case Step.Release when a.Status == ReferenceStatus.Checked:
                a.Status = ReferenceStatus.Released;
                a.ReleasedByStaffId = scope.Viewer.StaffId;
                a.ReleasedAt = access.Now;
                break;
            case Step.SendBack when a.Status is ReferenceStatus.Drafted or ReferenceStatus.Checked:
                a.Status = ReferenceStatus.ContributionsIn;
                a.CheckedAt = null;
                a.CheckedByStaffId = null;
                break;
            default:
                throw new ValidationException($"the reference is {ReferenceWords.Describe(a.Status).ToLowerInvariant()}; "
                    + (step == Step.Release ? "expected it checked before it is released" : "expected a drafted reference"));
        }
        await VersionedSave.SaveAsync(access.Db, "this reference", ct);
        return true;
    }
}
