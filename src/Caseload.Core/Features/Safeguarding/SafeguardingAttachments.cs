using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// Files the safeguarding team keeps with a concern: checked by their content (PDF, JPEG, PNG or Word .docx — never by
/// the name alone), at most 10 MB and 5 a concern, stored encrypted with the app's data-protection keys (which the
/// production certificate protects), each opening audited. The team's alone, like the record.
/// </summary>
public sealed class SafeguardingAttachments(ReferralAccess access, IDataProtectionProvider protection)
{
    internal const string Purpose = "Caseload.SafeguardingAttachments.v1";

    public sealed record File(string FileName, string ContentType, byte[] Content);

    /// <returns>The attachment's id; null when there is no such concern the viewer (the team) may act on.</returns>
    public async Task<long?> AddAsync(StudentScope scope, long referralId, string? fileName, Stream content, CancellationToken ct = default)
    {
        var concern = await SafeguardingWorkflow.ConcernAsync(access, scope, referralId, ct);
        if (concern is null)
        {
            return null;
        }
        // The name only, whichever system's path it came with ("C:\Users\…\note.pdf" from some browsers).
        var name = (fileName ?? "")[((fileName ?? "").LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (name.Length == 0 || name.Any(char.IsControl))
        {
            throw new ValidationException("choose a file to attach");
        }
        if (name.Length > Limits.AttachmentName)
        {
            name = name[..(Limits.AttachmentName - 10)] + Path.GetExtension(name)[..Math.Min(10, Path.GetExtension(name).Length)];
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Limits.AttachmentBytes)
            {
                throw new ValidationException($"the file {name} is over {Limits.AttachmentBytes / 1024 / 1024} MB; expected at most {Limits.AttachmentBytes / 1024 / 1024} MB (scan at a lower resolution, or keep it elsewhere and note where)");
            }
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new ValidationException($"the file {name} is empty");
        }
        var type = TypeOf(bytes, name) ?? throw new ValidationException($"the file {name} is not a PDF, JPEG, PNG or Word (.docx) file; expected one of those (its content is checked, not only its name)");
        var db = access.Db;
        if (await db.SafeguardingAttachments.CountAsync(a => a.ReferralId == concern.Id, ct) >= Limits.AttachmentsPerConcern)
        {
            throw new ValidationException($"this concern has {Limits.AttachmentsPerConcern} files already, the most one concern keeps");
        }
        var attachment = new SafeguardingAttachment
        {
            InstitutionId = concern.InstitutionId,
            ReferralId = concern.Id,
            StudentId = concern.StudentId,
            FileName = name,
            ContentType = type,
            Size = bytes.Length,
            Content = protection.CreateProtector(Purpose).Protect(bytes),
            UploadedByStaffId = scope.Viewer.StaffId,
            UploadedAt = access.Now,
        };
        db.SafeguardingAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment.Id;
    }

    /// <summary>A file, decrypted, for the team; its opening is audited. Null for anyone else.</summary>
    public async Task<File?> OpenAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var db = access.Db;
        var row = await db.SafeguardingAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.InstitutionId == scope.Viewer.InstitutionId, ct);
        if (row is null || await SafeguardingWorkflow.ConcernAsync(access, scope, row.ReferralId, ct) is null)
        {
            return null;
        }
        db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = row.InstitutionId,
            At = access.Now,
            Actor = $"staff:{scope.Viewer.StaffId}",
            Action = AuditAction.Read,
            Entity = nameof(SafeguardingAttachment),
            EntityId = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StudentId = row.StudentId,
            Restricted = true,
        });
        await db.SaveChangesAsync(ct);
        return new File(row.FileName, row.ContentType, protection.CreateProtector(Purpose).Unprotect(row.Content));
    }

    /// <summary>The file's type from its first bytes (and, for a Word file, a .docx name on a zip), or null.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (bytes.StartsWith("PK\x03\x04"u8) && name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return null;
    }
}
