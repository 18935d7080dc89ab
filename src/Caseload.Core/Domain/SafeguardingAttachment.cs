namespace Caseload.Core.Domain;

/// <summary>A file kept with a concern (a photo of a note, a letter from an agency), stored encrypted.</summary>
public sealed class SafeguardingAttachment : IRestrictedRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public long ReferralId { get; set; }
    public int StudentId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>The file's size before encryption, in bytes.</summary>
    public int Size { get; set; }
    /// <summary>The file, encrypted with the app's data-protection keys (purpose <c>Caseload.SafeguardingAttachments.v1</c>).</summary>
    public required byte[] Content { get; set; }
    public int UploadedByStaffId { get; set; }
    public DateTime UploadedAt { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(FileName), nameof(Content)];
}
