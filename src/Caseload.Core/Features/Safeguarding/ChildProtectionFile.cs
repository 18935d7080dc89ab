using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// A child's child-protection file as it travels to their next school or college (decision 0017): the child, every concern
/// with its details, body marks and files, every decision, action, referral and note, and the files received from earlier
/// schools. Other children are never named. It travels sealed (<see cref="TransferBundle"/>).
/// </summary>
public sealed record ChildProtectionFile(Guid BundleId, string FromSchool, string? FromPerson, DateTime PreparedAt, string KeyFingerprint, string ReceiptCode,
    ChildProtectionFile.Child Student, IReadOnlyList<ChildProtectionFile.Concern> Concerns, IReadOnlyList<ChildProtectionFile.Entry> Entries)
{
    public sealed record Child(string Upn, string Name, DateOnly DateOfBirth, DateOnly? LeftOn, string? Group)
    {
        /// <summary>For a student with no UPN (further education): the unique learner number.</summary>
        public string? Uln { get; init; }
    }

    /// <param name="RecordedFor">Set when the concern was recorded for another child, this child being involved (never the other child's name).</param>
    public sealed record Concern(DateOnly OccurredOn, TimeOnly? OccurredAt, DateTime RecordedAt, string RecordedBy, string Urgency, string Status,
        IReadOnlyList<string> Categories, string What, string? Place, string? Present, string? ChildsWords, string? Demeanour,
        IReadOnlyList<Mark> Marks, int OtherChildren, bool RecordedForAnotherChild, IReadOnlyList<Attachment> Attachments);

    public sealed record Mark(int Number, string Side, string Region, string Note);

    public sealed record Attachment(string FileName, string ContentType, byte[] Content);

    public sealed record Entry(DateOnly OccurredOn, DateTime RecordedAt, string RecordedBy, string Kind, string? Decision, string Text,
        string? Owner, DateOnly? DueOn, DateTime? DoneAt, string? DoneNote, string? Agency, string? Reference, bool? Consent);

    /// <summary>The files this school received from the child's earlier schools, passed on whole.</summary>
    public IReadOnlyList<ChildProtectionFile> Earlier { get; init; } = [];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static ChildProtectionFile FromJson(byte[] json) => JsonSerializer.Deserialize<ChildProtectionFile>(json, Json)
        ?? throw new JsonException("empty");
}

/// <summary>
/// Seals a <see cref="ChildProtectionFile"/> for the journey and opens it at the other end. The file is encrypted with
/// AES-256-GCM under a key derived from a pass-phrase (PBKDF2-SHA256, 600,000 iterations) that is sent separately, and the
/// envelope is signed with the sending institution's ECDSA P-256 key, whose fingerprint is sealed inside too. Opening
/// tells the three failures apart: a changed envelope (the signature fails), a wrong pass-phrase (the cipher's tag fails),
/// and an envelope re-signed by another key (the sealed fingerprint differs).
/// </summary>
public static class TransferBundle
{
    public const string Format = "caseload-child-protection-file";
    private const int Iterations = 600_000;

    private sealed record Envelope(string Format, int Version, Guid BundleId, string From, DateTime Prepared, string Kdf, int Iterations,
        string Salt, string Nonce, string Tag, string Ciphertext, string PublicKey, string? Signature);

    public static byte[] Seal(ChildProtectionFile file, string passPhrase, ECDsa key)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = file.ToJson();
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(KeyFrom(passPhrase, salt, Iterations), tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag, file.BundleId.ToByteArray());
        }
        var unsigned = new Envelope(Format, 1, file.BundleId, file.FromSchool, file.PreparedAt, "PBKDF2-SHA256", Iterations,
            Convert.ToBase64String(salt), Convert.ToBase64String(nonce), Convert.ToBase64String(tag), Convert.ToBase64String(cipher),
            Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), null);
        var signature = key.SignData(JsonSerializer.SerializeToUtf8Bytes(unsigned, ChildProtectionFile.Json), HashAlgorithmName.SHA256);
        return JsonSerializer.SerializeToUtf8Bytes(unsigned with { Signature = Convert.ToBase64String(signature) }, ChildProtectionFile.Json);
    }

    /// <summary>Who sent a bundle, read without the pass-phrase (for the message when it does not open).</summary>
    public static string? SenderOf(byte[] bundle)
    {
        try
        {
            return JsonSerializer.Deserialize<Envelope>(bundle, ChildProtectionFile.Json)?.From;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <exception cref="ValidationException">Not a bundle, changed after signing, or the pass-phrase does not open it.</exception>
    public static ChildProtectionFile Open(byte[] bundle, string passPhrase)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(bundle, ChildProtectionFile.Json);
        }
        catch (JsonException)
        {
            envelope = null;
        }
        if (envelope is not { Format: Format, Signature: not null, Ciphertext: not null, PublicKey: not null, Salt: not null, Nonce: not null, Tag: not null })
        {
            throw new ValidationException($"this file is not a child-protection file from Caseload; expected the .cpfile that the sending school's Caseload made");
        }
        if (envelope.Version != 1 || envelope.Kdf != "PBKDF2-SHA256" || envelope.Iterations is < 100_000 or > 2_000_000 || envelope.From is null)
        {
            throw new ValidationException($"this child-protection file was made by a version of Caseload this one cannot read (format {envelope.Version}); ask the sender for a PDF copy");
        }
        byte[] publicKey, signature, salt, nonce, tag, cipher;
        try
        {
            (publicKey, signature, salt, nonce, tag, cipher) = (Convert.FromBase64String(envelope.PublicKey), Convert.FromBase64String(envelope.Signature),
                Convert.FromBase64String(envelope.Salt), Convert.FromBase64String(envelope.Nonce), Convert.FromBase64String(envelope.Tag), Convert.FromBase64String(envelope.Ciphertext));
        }
        catch (FormatException)
        {
            throw Tampered(envelope.From);
        }
        using (var verifier = ECDsa.Create())
        {
            try
            {
                verifier.ImportSubjectPublicKeyInfo(publicKey, out _);
            }
            catch (CryptographicException)
            {
                throw Tampered(envelope.From);
            }
            if (!verifier.VerifyData(JsonSerializer.SerializeToUtf8Bytes(envelope with { Signature = null }, ChildProtectionFile.Json), signature, HashAlgorithmName.SHA256))
            {
                throw Tampered(envelope.From);
            }
        }
        if (nonce.Length != 12 || tag.Length != 16)
        {
            throw Tampered(envelope.From);
        }
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(KeyFrom(passPhrase, salt, envelope.Iterations), tag.Length);
            aes.Decrypt(nonce, cipher, tag, plain, envelope.BundleId.ToByteArray());
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new ValidationException($"the pass-phrase does not open this file from {envelope.From}; check it with the sender (it comes separately from the file, by phone or another message)");
        }
        ChildProtectionFile file;
        try
        {
            file = ChildProtectionFile.FromJson(plain);
        }
        catch (JsonException)
        {
            throw Tampered(envelope.From);
        }
        // A file sealed by Caseload always has these; one made by hand to look like it may not.
        if (file is not { FromSchool: not null, KeyFingerprint: not null, ReceiptCode: not null, Student: { Upn: not null, Name: not null }, Concerns: not null, Entries: not null, Earlier: not null }
            || file.Concerns.Any(c => c is not { What: not null, RecordedBy: not null, Categories: not null, Marks: not null, Attachments: not null })
            || file.Entries.Any(e => e is not { Text: not null, RecordedBy: not null, Kind: not null }))
        {
            throw new ValidationException($"this file from {envelope.From} opens but is not a complete child-protection file; ask the sender for a PDF copy");
        }
        if (file.BundleId != envelope.BundleId || file.KeyFingerprint != Fingerprint(publicKey))
        {
            throw new ValidationException($"this file's signature is not the key {envelope.From} sealed inside it: it was re-signed by someone else; do not use it, and tell the sender");
        }
        return file;
    }

    private static ValidationException Tampered(string from) =>
        new($"this file's signature does not match its content: it was changed after {from} signed it; do not use it, and ask the sender to send it again");

    private static byte[] KeyFrom(string passPhrase, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passPhrase.Trim()), salt, iterations, HashAlgorithmName.SHA256, 32);

    /// <summary>A key's fingerprint to read aloud: the first 16 bytes of the SHA-256 of its public key, in groups of four.</summary>
    public static string Fingerprint(byte[] subjectPublicKeyInfo)
    {
        var hex = Convert.ToHexString(SHA256.HashData(subjectPublicKeyInfo).AsSpan(0, 16));
        return string.Join(' ', Enumerable.Range(0, 8).Select(i => hex.Substring(i * 4, 4)));
    }

    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>A pass-phrase of six groups of four letters and digits (about 118 bits), none easily confused.</summary>
    public static string NewPassPhrase() => Groups(6);

    /// <summary>A receipt code of three groups of four.</summary>
    public static string NewReceiptCode() => Groups(3);

    private static string Groups(int groups) =>
        string.Join('-', Enumerable.Range(0, groups).Select(_ => new string([.. Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)])])));

    public static string HashOf(string receiptCode) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(receiptCode.Trim().ToLowerInvariant())));
}
