namespace Caseload.Core.Domain;

/// <summary>
/// A child's child-protection file sent to their next school or college (KCSIE: within 5 school days, separately from the
/// main pupil file, securely, with receipt confirmed): the sealed bundle and its PDF as prepared, to whom and when it
/// was sent, and the acknowledgement. Or, with <see cref="NotSentReason"/>, the team's record that there is nowhere to
/// send it (e.g. elective home education, the local authority told). Decision 0017.
/// </summary>
public sealed class SafeguardingTransfer : IRestrictedRecord, IVersioned
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    /// <summary>The bundle's identity, inside and outside its encryption.</summary>
    public Guid BundleId { get; set; }
    public DateTime PreparedAt { get; set; }
    public int PreparedByStaffId { get; set; }
    /// <summary>The school or college it goes to, and its designated lead.</summary>
    public required string ToSchool { get; set; }
    public string? ToPerson { get; set; }
    /// <summary>The sealed bundle for another Caseload (encrypted under the pass-phrase, signed); null for "not sent".</summary>
    public byte[]? Bundle { get; set; }
    /// <summary>The file for people: a PDF that opens with the same pass-phrase.</summary>
    public byte[]? Pdf { get; set; }
    /// <summary>SHA-256 of the receipt code sealed inside the bundle: whoever opens the bundle can prove they received it.</summary>
    public string? ReceiptHash { get; set; }
    /// <summary>The signing key's fingerprint, for the receiver to compare (given with the pass-phrase).</summary>
    public string? KeyFingerprint { get; set; }
    public DateOnly? SentOn { get; set; }
    /// <summary>How it went (secure e-mail, the receiver's upload, by hand…).</summary>
    public string? Method { get; set; }
    public int? SentByStaffId { get; set; }
    public DateOnly? AcknowledgedOn { get; set; }
    /// <summary>Who confirmed receipt at the other end.</summary>
    public string? AcknowledgedBy { get; set; }
    /// <summary>Whether the acknowledgement came with the receipt code from the bundle (proof it was opened there).</summary>
    public bool AcknowledgedWithCode { get; set; }
    public int? AcknowledgementRecordedByStaffId { get; set; }
    /// <summary>Why no file is sent (no new school known, elective home education…).</summary>
    public string? NotSentReason { get; set; }
    public int Version { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Bundle), nameof(Pdf), nameof(ReceiptHash), nameof(NotSentReason)];
}

/// <summary>
/// A child-protection file received from the child's previous school or college, opened with its pass-phrase and
/// matched to the student by UPN: kept whole (encrypted) and shown in the chronology as "received from …".
/// </summary>
public sealed class SafeguardingReceivedFile : IRestrictedRecord
{
    public long Id { get; set; }
    public int InstitutionId { get; set; }
    public int StudentId { get; set; }
    public Guid BundleId { get; set; }
    public required string FromSchool { get; set; }
    public string? FromPerson { get; set; }
    /// <summary>When the sender prepared it.</summary>
    public DateTime PreparedAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public int ReceivedByStaffId { get; set; }
    public required string KeyFingerprint { get; set; }
    /// <summary>The receipt code to give the sender (it proves the bundle was opened here).</summary>
    public required string ReceiptCode { get; set; }
    /// <summary>The file's document (JSON), encrypted with the app's data-protection keys.</summary>
    public required byte[] Content { get; set; }

    public IReadOnlySet<string> RestrictedColumns => Columns;

    private static readonly HashSet<string> Columns = [nameof(Content), nameof(ReceiptCode)];
}
