using Caseload.Core.Data;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Photos;

/// <summary>A student's photo for someone who may see the student (either view); nothing for anyone else, nor when there is none.</summary>
public sealed class GetPhoto(CaseloadDbContext db)
{
    public sealed record Photo(byte[] Jpeg, string Tag);

    public async Task<Photo?> HandleAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        if (await scope.ViewOfAsync(db, studentId, ct) == StudentView.None)
        {
            return null;
        }
        var photo = await db.StudentPhotos.AsNoTracking().Where(p => p.StudentId == studentId)
            .Select(p => new { p.Jpeg, p.SourceHash }).FirstOrDefaultAsync(ct);
        return photo is null ? null : new Photo(photo.Jpeg, photo.SourceHash[..16]);
    }
}
