using Caseload.Core.Data;
using Caseload.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Institutions;

/// <summary>An institution's attendance bands (where good, to watch and low begin): read by every page, set by an administrator.</summary>
public sealed class SetAttendanceBands(CaseloadDbContext db)
{
    public static async Task<AttendanceBands> ReadAsync(CaseloadDbContext db, int institutionId, CancellationToken ct = default) =>
        await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId)
            .Select(i => new AttendanceBands(i.AttendanceGoodFrom, i.AttendanceWatchFrom)).SingleAsync(ct);

    /// <summary>Refuses bands that cannot work (see <see cref="AttendanceBands.Create"/>); the change is audited.</summary>
    public async Task<AttendanceBands> HandleAsync(int institutionId, decimal goodFrom, decimal watchFrom, CancellationToken ct = default)
    {
        var bands = AttendanceBands.Create(goodFrom, watchFrom);
        var institution = await db.Institutions.SingleAsync(i => i.Id == institutionId, ct);
        institution.AttendanceGoodFrom = bands.GoodFrom;
        institution.AttendanceWatchFrom = bands.WatchFrom;
        await db.SaveChangesAsync(ct);
        return bands;
    }
}
