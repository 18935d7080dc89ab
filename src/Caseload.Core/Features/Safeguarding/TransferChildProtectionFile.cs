using System.Globalization;
using System.Security.Cryptography;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Rules;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Core.Features.Safeguarding;

/// <summary>
/// The child-protection file that follows the child (decision 0017). When a student leaves, the safeguarding team sees
/// "send the child-protection file" with KCSIE's deadline (5 school days; a leaver at the end of the year, the first 5 days
/// of the new term); prepares the file — a sealed bundle for another Caseload and a PDF for people, both opened by one
/// pass-phrase shown once, to be sent separately; records to whom and when it went; and records the acknowledgement (with
/// the receipt code sealed in the bundle, or by name), being chased after 5 school days without one. Receiving, the team
/// opens a bundle with its pass-phrase; it is matched to a student on roll by UPN (or ULN) and date of birth and kept
/// whole, shown in the child's chronology as received from the sender. The team's alone (within a deputy's remit);
/// every preparation, download and opening is audited as restricted.
/// </summary>
public sealed class TransferChildProtectionFile(ReferralAccess access, ChildProtectionFileTasks tasks, GetSafeguardingChronology chronology, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string FilePurpose = "Caseload.ChildProtectionFiles.v1";
    private const string KeyPurpose = "Caseload.InstitutionSigningKey.v1";

    public sealed record ToSend(int StudentId, string Student, string? Group, DateOnly LeftOn, string? LeavingReason, DateOnly DueOn);

    public sealed record Sent(long Id, int StudentId, string Student, string ToSchool, string? ToPerson, DateTime PreparedAt, string PreparedBy, DateOnly? SentOn, string? Method,
        DateOnly? AcknowledgedOn, string? AcknowledgedBy, bool WithCode, string? NotSentReason, string? KeyFingerprint, int Version)
    {
        /// <summary>Sent and not acknowledged: the day the team should chase it.</summary>
        public DateOnly? ChaseFrom { get; init; }
    }

    public sealed record Received(long Id, int StudentId, string Student, string FromSchool, string? FromPerson, DateTime PreparedAt, DateTime ReceivedAt, string ReceivedBy,
        string ReceiptCode, string KeyFingerprint);

    public sealed record Overview(IReadOnlyList<ToSend> ToSend, IReadOnlyList<Sent> Sent, IReadOnlyList<Received> Received);

    /// <summary>A prepared file: the pass-phrase is shown once and never stored.</summary>
    public sealed record Prepared(long TransferId, string PassPhrase, string KeyFingerprint);

    public sealed record Download(string FileName, string ContentType, byte[] Content);

    public sealed record Opened(Received About, ChildProtectionFile File);

    /// <summary>The team's view: children to send a file for, files sent (newest first) and files received. Null for anyone else.</summary>
    public async Task<Overview?> OverviewAsync(StudentScope scope, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!v.Safeguarding.Team)
        {
            return null;
        }
        var today = clock.Today();
        var toSend = await tasks.ToSendAsync(v, today, ct);
        var sent = await tasks.SentAsync(v, null, today, ct);
        var received = await ReceivedAsync(v, null, ct);
        return new Overview(toSend, sent, received);
    }

    /// <summary>One child's transfers, sent and received, for the team (null for anyone else or a child outside the remit).</summary>
    public async Task<(IReadOnlyList<Sent> Sent, IReadOnlyList<Received> Received, ToSend? Due)?> ForStudentAsync(StudentScope scope, int studentId, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!await InRemitAsync(v, studentId, ct))
        {
            return null;
        }
        var today = clock.Today();
        var due = (await tasks.ToSendAsync(v, today, ct, studentId)).FirstOrDefault();
        return (await tasks.SentAsync(v, studentId, today, ct), await ReceivedAsync(v, studentId, ct), due);
    }

    private async Task<IReadOnlyList<Received>> ReceivedAsync(Viewer v, int? studentId, CancellationToken ct)
    {
        var db = access.Db;
        var remit = access.SafeguardingStudents(v);
        var files = db.SafeguardingReceivedFiles.AsNoTracking().Where(f => f.InstitutionId == v.InstitutionId && remit.Contains(f.StudentId));
        if (studentId is { } one)
        {
            files = files.Where(f => f.StudentId == one);
        }
        return await files.OrderByDescending(f => f.ReceivedAt).Take(200)
            .Select(f => new Received(f.Id, f.StudentId, db.Students.Where(s => s.Id == f.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).First(),
                f.FromSchool, f.FromPerson, f.PreparedAt, f.ReceivedAt, db.Staff.Where(s => s.Id == f.ReceivedByStaffId).Select(s => s.FirstName + " " + s.LastName).First(),
                f.ReceiptCode, f.KeyFingerprint))
            .ToListAsync(ct);
    }

    /// <summary>Seals the child's whole file for <paramref name="toSchool"/>. Null when the viewer may not (not the team, or
    /// the child outside their remit, or of another institution).</summary>
    public async Task<Prepared?> PrepareAsync(StudentScope scope, int studentId, string? toSchool, string? toPerson, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!await InRemitAsync(v, studentId, ct))
        {
            return null;
        }
        var school = Name(toSchool, "the school or college it goes to") ?? throw new ValidationException("give the school or college the file goes to");
        var person = Name(toPerson, "their designated safeguarding lead");
        var db = access.Db;
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.Upn, s.Uln, s.ExternalId, s.LeftOn, Group = s.TutorGroup == null ? null : s.TutorGroup.Code }).FirstAsync(ct);
        if (string.IsNullOrWhiteSpace(student.Upn) && string.IsNullOrWhiteSpace(student.Uln))
        {
            throw new ValidationException($"student {student.ExternalId} has no UPN or ULN in the MIS import, and the receiving school matches the file by one of them; add it to the students import first");
        }
        var record = await chronology.HandleAsync(scope, studentId, ct);
        if (record is not { Access: ChronologyAccess.Team })
        {
            return null;
        }
        var institution = await db.Institutions.FirstAsync(i => i.Id == v.InstitutionId, ct);
        using var key = SigningKey(institution);
        var fingerprint = TransferBundle.Fingerprint(key.ExportSubjectPublicKeyInfo());
        var from = await db.Staff.AsNoTracking().Where(s => s.Id == v.StaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        var files = protection.CreateProtector(SafeguardingAttachments.Purpose);
        var attachments = (await db.SafeguardingAttachments.AsNoTracking().Where(a => a.StudentId == studentId && a.InstitutionId == v.InstitutionId).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.ReferralId, a => new ChildProtectionFile.Attachment(a.FileName, a.ContentType, files.Unprotect(a.Content)));
        var earlier = await db.SafeguardingReceivedFiles.AsNoTracking().Where(f => f.StudentId == studentId).OrderBy(f => f.ReceivedAt).Select(f => f.Content).ToListAsync(ct);
        var receipt = TransferBundle.NewReceiptCode();
        var file = new ChildProtectionFile(Guid.NewGuid(), institution.Name, person is null ? from : $"{from}, for {person}", access.Now, fingerprint, receipt,
            new ChildProtectionFile.Child(student.Upn ?? "", record.Student, record.DateOfBirth, student.LeftOn, student.Group) { Uln = student.Uln },
            [.. record.Lines.Select(l => l.Concern).OfType<GetSafeguardingChronology.Concern>().Where(c => c.UnlinkedInvolvement is null).Select(c => new ChildProtectionFile.Concern(
                c.OccurredOn, c.OccurredAt, c.RaisedAt, c.RaisedBy, c.Urgency.ToString(), c.Status.ToString(), c.Categories, c.What, c.Place, c.Present, c.ChildsWords, c.Demeanour,
                [.. c.Marks.Select(m => new ChildProtectionFile.Mark(m.Number, m.Side.ToString(), m.Region, m.Note))], c.OthersInvolved.Count, c.RecordedFor is not null,
                [.. attachments[c.ReferralId]]))],
            [.. record.Lines.Select(l => l.Entry).OfType<GetSafeguardingChronology.Entry>().Select(e => new ChildProtectionFile.Entry(e.OccurredOn, e.RecordedAt, e.By, e.Kind.ToString(),
                e.Decision?.ToString(), e.Text, e.Owner, e.DueOn, e.DoneAt, e.DoneNote, e.Agency, e.Reference, e.Consent))])
        {
            Earlier = [.. earlier.Where(content => content.Length > 0).Select(content => ChildProtectionFile.FromJson(protection.CreateProtector(FilePurpose).Unprotect(content)) with { ReceiptCode = "" })],
        };
        var passPhrase = TransferBundle.NewPassPhrase();
        var bundle = TransferBundle.Seal(file, passPhrase, key);
        if (bundle.Length > Limits.TransferBundleBytes)
        {
            throw new ValidationException($"the file comes to {bundle.Length / 1024 / 1024} MB with its attachments, over the {Limits.TransferBundleBytes / 1024 / 1024} MB a bundle may be; send the larger attachments separately and note that you did");
        }
        var transfer = new SafeguardingTransfer
        {
            InstitutionId = v.InstitutionId,
            StudentId = studentId,
            BundleId = file.BundleId,
            PreparedAt = file.PreparedAt,
            PreparedByStaffId = v.StaffId,
            ToSchool = school,
            ToPerson = person,
            Bundle = bundle,
            Pdf = ChildProtectionFilePdf.Render(file, passPhrase),
            ReceiptHash = TransferBundle.HashOf(receipt),
            KeyFingerprint = fingerprint,
        };
        db.SafeguardingTransfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        return new Prepared(transfer.Id, passPhrase, fingerprint);
    }

    /// <summary>The prepared bundle or PDF, for the team to send; each download audited. Null for anyone else.</summary>
    public async Task<Download?> DownloadAsync(StudentScope scope, long transferId, bool pdf, CancellationToken ct = default)
    {
        var db = access.Db;
        var t = await db.SafeguardingTransfers.AsNoTracking().Where(t => t.Id == transferId && t.InstitutionId == scope.Viewer.InstitutionId)
            .Select(t => new { t.Id, t.StudentId, t.Bundle, t.Pdf, External = db.Students.Where(s => s.Id == t.StudentId).Select(s => s.ExternalId).First() }).FirstOrDefaultAsync(ct);
        if (t is null || (pdf ? t.Pdf : t.Bundle) is not { } content || !await InRemitAsync(scope.Viewer, t.StudentId, ct))
        {
            return null;
        }
        await AuditAsync(scope.Viewer, AuditAction.Read, nameof(SafeguardingTransfer), t.Id, t.StudentId, pdf ? "pdf" : "bundle", ct);
        var name = $"child-protection-file-{Safe(t.External)}";
        return pdf ? new Download(name + ".pdf", "application/pdf", content) : new Download(name + ".cpfile", "application/octet-stream", content);
    }

    /// <summary>Records when and how the file went. Null when there is no such transfer the viewer may change.</summary>
    public async Task<bool> RecordSentAsync(StudentScope scope, long transferId, int version, DateOnly? sentOn, string? method, CancellationToken ct = default)
    {
        var today = clock.Today();
        return await ChangeAsync(scope, transferId, version, t =>
        {
            if (t.NotSentReason is not null)
            {
                throw new ValidationException("this record says no file is sent; prepare the file again to send it");
            }
            var on = sentOn ?? throw new ValidationException("give the day the file was sent");
            var prepared = DateOnly.FromDateTime(t.PreparedAt);
            if (on < prepared || on > today)
            {
                throw new ValidationException($"the day it was sent ({on:d MMMM yyyy}) must be from the day it was prepared ({prepared:d MMMM yyyy}) to today");
            }
            t.SentOn = on;
            t.Method = Name(method, "how it was sent") ?? throw new ValidationException("say how the file was sent (for example secure e-mail, the school's upload, by hand)");
            t.SentByStaffId = scope.Viewer.StaffId;
        }, ct);
    }

    /// <summary>Records the receiving school's acknowledgement: by name, with the receipt code when they give it (checked
    /// against the code sealed in the bundle).</summary>
    public async Task<bool> AcknowledgeAsync(StudentScope scope, long transferId, int version, string? by, DateOnly? on, string? receiptCode, CancellationToken ct = default)
    {
        var today = clock.Today();
        return await ChangeAsync(scope, transferId, version, t =>
        {
            if (t.SentOn is not { } sent)
            {
                throw new ValidationException("record that the file was sent before its acknowledgement");
            }
            var day = on ?? today;
            if (day < sent || day > today)
            {
                throw new ValidationException($"the day of the acknowledgement ({day:d MMMM yyyy}) must be from the day the file was sent ({sent:d MMMM yyyy}) to today");
            }
            var code = string.IsNullOrWhiteSpace(receiptCode) ? null : receiptCode.Trim();
            if (code is not null && (code.Length > 40 || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(TransferBundle.HashOf(code)), Convert.FromHexString(t.ReceiptHash ?? ""))))
            {
                throw new ValidationException($"the receipt code {code} is not the one sealed in the file sent to {t.ToSchool}; check it with them (it shows where they received the file)");
            }
            t.AcknowledgedBy = Name(by, "who acknowledged it") ?? throw new ValidationException("give the name of the person who confirmed receipt");
            t.AcknowledgedOn = day;
            t.AcknowledgedWithCode = code is not null;
            t.AcknowledgementRecordedByStaffId = scope.Viewer.StaffId;
        }, ct);
    }

    /// <summary>Records that no file is sent for a child who left, and why (elective home education with the local
    /// authority told, no school known and a child-missing-education referral made…). Null when the viewer may not.</summary>
    public async Task<long?> RecordNotSentAsync(StudentScope scope, int studentId, string? reason, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!await InRemitAsync(v, studentId, ct))
        {
            return null;
        }
        var why = FreeText.Optional(reason, "why no file is sent", Limits.TransferReason) ?? throw new ValidationException("say why no file is sent (for example: elective home education, the local authority told on …)");
        var transfer = new SafeguardingTransfer
        {
            InstitutionId = v.InstitutionId,
            StudentId = studentId,
            BundleId = Guid.NewGuid(),
            PreparedAt = access.Now,
            PreparedByStaffId = v.StaffId,
            ToSchool = "No file sent",
            NotSentReason = why,
        };
        access.Db.SafeguardingTransfers.Add(transfer);
        await access.Db.SaveChangesAsync(ct);
        return transfer.Id;
    }

    /// <summary>Opens a bundle from another school with its pass-phrase and files it with the student it is for.</summary>
    /// <returns>The received file; null when the viewer is not the safeguarding team.</returns>
    public async Task<Received?> ReceiveAsync(StudentScope scope, byte[] bundle, string? passPhrase, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        if (!v.Safeguarding.Team)
        {
            return null;
        }
        if (bundle.Length == 0)
        {
            throw new ValidationException("choose the .cpfile the sending school sent");
        }
        if (bundle.Length > Limits.TransferBundleBytes)
        {
            throw new ValidationException($"the file is over {Limits.TransferBundleBytes / 1024 / 1024} MB; expected a child-protection file of at most that");
        }
        var phrase = passPhrase?.Trim() ?? "";
        if (phrase.Length is 0 or > Limits.PassPhraseMaximum)
        {
            throw new ValidationException($"give the pass-phrase the sender gave you separately (up to {Limits.PassPhraseMaximum} characters)");
        }
        var file = TransferBundle.Open(bundle, phrase);
        var db = access.Db;
        var upn = file.Student.Upn.Trim();
        var uln = file.Student.Uln?.Trim() ?? "";
        var matches = await db.Students.AsNoTracking()
            .Where(s => s.InstitutionId == v.InstitutionId && s.OnRoll && ((upn != "" && s.Upn == upn) || (upn == "" && uln != "" && s.Uln == uln)))
            .Select(s => new { s.Id, s.ExternalId, s.DateOfBirth, Name = (s.PreferredName ?? s.FirstName) + " " + s.LastName }).Take(2).ToListAsync(ct);
        var by = upn != "" ? $"UPN {upn}" : $"ULN {uln}";
        if (matches.Count == 0)
        {
            throw new ValidationException($"no student on roll here has {by} (the file from {file.FromSchool} is for a child born {file.Student.DateOfBirth:d MMMM yyyy}); expected the child to be in the students import first — import them, then receive the file");
        }
        if (matches.Count > 1)
        {
            throw new ValidationException($"two students on roll here have {by} ({matches[0].ExternalId} and {matches[1].ExternalId}); correct the students import first");
        }
        var student = matches[0];
        if (student.DateOfBirth != file.Student.DateOfBirth)
        {
            throw new ValidationException($"the student here with {by} ({student.ExternalId}) was born on {student.DateOfBirth:d MMMM yyyy}, but the file is for a child born on {file.Student.DateOfBirth:d MMMM yyyy}; check the UPN with {file.FromSchool} before receiving it");
        }
        if (!await access.SafeguardingStudents(v).ContainsAsync(student.Id, ct))
        {
            throw new ValidationException($"student {student.ExternalId} is outside your safeguarding remit; ask the designated lead to receive this file");
        }
        if (await db.SafeguardingReceivedFiles.AsNoTracking().Where(f => f.InstitutionId == v.InstitutionId && f.BundleId == file.BundleId)
                .Select(f => new { f.ReceivedAt, By = db.Staff.Where(s => s.Id == f.ReceivedByStaffId).Select(s => s.FirstName + " " + s.LastName).First() }).FirstOrDefaultAsync(ct) is { } already)
        {
            throw new ValidationException($"this file was received already, on {already.ReceivedAt:d MMMM yyyy} by {already.By}");
        }
        var received = new SafeguardingReceivedFile
        {
            InstitutionId = v.InstitutionId,
            StudentId = student.Id,
            BundleId = file.BundleId,
            FromSchool = Clip(file.FromSchool),
            FromPerson = file.FromPerson is null ? null : Clip(file.FromPerson),
            PreparedAt = file.PreparedAt,
            ReceivedAt = access.Now,
            ReceivedByStaffId = v.StaffId,
            KeyFingerprint = file.KeyFingerprint,
            ReceiptCode = file.ReceiptCode.Length <= 40 ? file.ReceiptCode : "",
            Content = protection.CreateProtector(FilePurpose).Protect(file.ToJson()),
        };
        db.SafeguardingReceivedFiles.Add(received);
        await db.SaveChangesAsync(ct);
        var me = await db.Staff.AsNoTracking().Where(s => s.Id == v.StaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        return new Received(received.Id, student.Id, student.Name, received.FromSchool, received.FromPerson, received.PreparedAt, received.ReceivedAt, me, received.ReceiptCode, received.KeyFingerprint);
    }

    /// <summary>A received file, whole, for the team; each opening audited. Null for anyone else.</summary>
    public async Task<Opened?> OpenReceivedAsync(StudentScope scope, long id, CancellationToken ct = default)
    {
        var v = scope.Viewer;
        var db = access.Db;
        var row = await db.SafeguardingReceivedFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.InstitutionId == v.InstitutionId, ct);
        if (row is null || row.Content.Length == 0 || !await InRemitAsync(v, row.StudentId, ct))
        {
            return null; // none, not the viewer's, or erased under the retention rule
        }
        await AuditAsync(v, AuditAction.Read, nameof(SafeguardingReceivedFile), row.Id, row.StudentId, "opened", ct);
        var names = await db.Students.AsNoTracking().Where(s => s.Id == row.StudentId).Select(s => (s.PreferredName ?? s.FirstName) + " " + s.LastName).FirstAsync(ct);
        var by = await db.Staff.AsNoTracking().Where(s => s.Id == row.ReceivedByStaffId).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        return new Opened(new Received(row.Id, row.StudentId, names, row.FromSchool, row.FromPerson, row.PreparedAt, row.ReceivedAt, by, row.ReceiptCode, row.KeyFingerprint),
            ChildProtectionFile.FromJson(protection.CreateProtector(FilePurpose).Unprotect(row.Content)));
    }

    private async Task<bool> ChangeAsync(StudentScope scope, long transferId, int version, Action<SafeguardingTransfer> change, CancellationToken ct)
    {
        var db = access.Db;
        var t = await db.SafeguardingTransfers.FirstOrDefaultAsync(t => t.Id == transferId && t.InstitutionId == scope.Viewer.InstitutionId, ct);
        if (t is null || !await InRemitAsync(scope.Viewer, t.StudentId, ct))
        {
            return false;
        }
        if (t.Version != version)
        {
            throw new ConcurrencyException("this file's record");
        }
        db.Entry(t).Property(x => x.Version).OriginalValue = version;
        change(t);
        await Data.VersionedSave.SaveAsync(db, "this file's record", ct);
        return true;
    }

    private async Task<bool> InRemitAsync(Viewer v, int studentId, CancellationToken ct) =>
        v.Safeguarding.Team && await access.SafeguardingStudents(v).ContainsAsync(studentId, ct);

    private ECDsa SigningKey(Institution institution)
    {
        var protector = protection.CreateProtector(KeyPurpose);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (institution.SigningKey is { } stored)
        {
            key.ImportPkcs8PrivateKey(protector.Unprotect(stored), out _);
            return key;
        }
        institution.SigningKey = protector.Protect(key.ExportPkcs8PrivateKey());
        return key; // saved with the transfer
    }

    private async Task AuditAsync(Viewer v, AuditAction action, string entity, long id, int studentId, string what, CancellationToken ct)
    {
        access.Db.AuditEvents.Add(new AuditEvent
        {
            InstitutionId = v.InstitutionId,
            At = access.Now,
            Actor = $"staff:{v.StaffId}",
            Action = action,
            Entity = entity,
            EntityId = id.ToString(CultureInfo.InvariantCulture),
            StudentId = studentId,
            Changes = $"{{\"what\":\"{what}\"}}",
            Restricted = true,
        });
        await access.Db.SaveChangesAsync(ct);
    }

    private static string? Name(string? value, string what)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > Limits.TransferName || text.Any(char.IsControl))
        {
            throw new ValidationException($"{what} must be one line of at most {Limits.TransferName} characters");
        }
        return text;
    }

    private static string Clip(string text) => text.Length <= Limits.TransferName ? text : text[..Limits.TransferName];

    private static string Safe(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
