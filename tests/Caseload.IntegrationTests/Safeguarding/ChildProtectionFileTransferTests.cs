using System.Text;
using System.Text.Json.Nodes;
using Caseload.Core;
using Caseload.Core.Domain;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf.IO;

namespace Caseload.IntegrationTests.Safeguarding;

/// <summary>
/// The child-protection file follows the child: Amira leaves Test College on Friday 20 November 2026; the lead's inbox
/// says to send her file by Friday 27 November (5 school days); the lead prepares it (a sealed bundle and a PDF, one
/// pass-phrase) and records it sent; Other College, in the same database, receives it by UPN and date of birth with the
/// pass-phrase (a wrong one, a changed file, a file for nobody on roll and a second copy refused, nothing saved); its
/// receipt code closes the task at Test College; the words never reach the audit log.
/// </summary>
public sealed class ChildProtectionFileTransferTests
{
    private const string Words = "Transfer words: said her uncle hit her";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_leavers_file_goes_sealed_to_the_next_school_which_receives_it_by_UPN_and_its_receipt_code_closes_the_task(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var college = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(college);
        var other = await db.CreateInstitutionAsync("OTHER");
        await db.ImportAllSamplesAsync(other);
        await using var context = db.NewContext();
        var keys = new EphemeralDataProtectionProvider();
        async Task<StudentScope> ScopeOf(int institution, string staff) => await StudentScope.ForAsync(context,
            (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.InstitutionId == institution && s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!);
        TransferChildProtectionFile Transfers(string actor)
        {
            var access = db.UseCase<ReferralAccess>(context, actor);
            return new TransferChildProtectionFile(access, new ChildProtectionFileTasks(access), db.UseCase<GetSafeguardingChronology>(context, actor), keys, db.Clock);
        }
        var lead = await ScopeOf(college, "T005");
        var amira = await context.Students.Where(s => s.InstitutionId == college && s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var monday = new DateOnly(2026, 11, 23);
        var concern = (await db.UseCase<ReportSafeguardingConcern>(context, "staff:T005").HandleAsync(lead, new(amira, Urgency.Urgent, Words, new DateOnly(2026, 11, 12), null,
            "Library", null, "He hits me when mum is out", "Tearful", ["Physical abuse"], [new ReportSafeguardingConcern.Mark(BodySide.Front, "Left forearm", "Bruise, 3 cm")])))!.Id;
        await db.UseCase<AddSafeguardingNote>(context, "staff:T005").HandleAsync(lead, amira, concern, new DateOnly(2026, 11, 13), "Spoke to mum; social care informed");
        await new SafeguardingAttachments(db.UseCase<ReferralAccess>(context, "staff:T005"), keys).AddAsync(lead, concern, "note.pdf", new MemoryStream("%PDF-1.4 the written note"u8.ToArray()));

        // Nothing to send while she is on roll.
        var sender = Transfers("staff:T005");
        Assert.Empty((await sender.OverviewAsync(lead))!.ToSend);

        var row = await context.Students.SingleAsync(s => s.Id == amira);
        (row.LeftOn, row.OnRoll, row.LeavingReason) = (new DateOnly(2026, 11, 20), false, "Moved to Other College");
        await context.SaveChangesAsync();

        // The lead's inbox: send it by Friday 27 November (Mon 23, Tue 24, Wed 25, Thu 26, Fri 27: 5 school days after Friday 20).
        var inbox = await db.UseCase<GetInbox>(context, "staff:T005").HandleAsync(lead, monday);
        var task = Assert.Single(inbox.Items, i => i.Kind == GetInbox.Kind.ChildProtectionFileToSend);
        Assert.Equal((amira, new DateOnly(2026, 11, 27)), (task.StudentId, task.When));
        Assert.Equal("Left on 20 November (Moved to Other College): send the child-protection file to the next school by Friday 27 November", task.Text);
        // Her tutor sees no such task, and cannot prepare the file.
        var tutor = await ScopeOf(college, "T001");
        Assert.DoesNotContain((await db.UseCase<GetInbox>(context, "staff:T001").HandleAsync(tutor, monday)).Items, i => i.Kind == GetInbox.Kind.ChildProtectionFileToSend);
        Assert.Null(await Transfers("staff:T001").PrepareAsync(tutor, amira, "Other College", null));
        Assert.Null(await Transfers("staff:T001").OverviewAsync(tutor));

        Assert.Equal("give the school or college the file goes to", (await Assert.ThrowsAsync<ValidationException>(() => sender.PrepareAsync(lead, amira, "  ", null))).Message);
        var prepared = (await sender.PrepareAsync(lead, amira, "Other College", "Jo Bloggs"))!;
        var bundle = (await sender.DownloadAsync(lead, prepared.TransferId, pdf: false))!.Content;
        var pdf = (await sender.DownloadAsync(lead, prepared.TransferId, pdf: true))!.Content;
        Assert.Null(await Transfers("staff:T001").DownloadAsync(tutor, prepared.TransferId, pdf: true));
        // Sealed: neither file shows the words or the UPN without the pass-phrase.
        foreach (var file in new[] { bundle, pdf })
        {
            var text = Encoding.Latin1.GetString(file);
            Assert.DoesNotContain("uncle", text, StringComparison.Ordinal);
            Assert.DoesNotContain("A123456789012", text, StringComparison.Ordinal);
        }
        Assert.ThrowsAny<Exception>(() => PdfReader.Open(new MemoryStream(pdf), "not-the-pass-phrase", PdfDocumentOpenMode.Import));
        using (var opened = PdfReader.Open(new MemoryStream(pdf), prepared.PassPhrase, PdfDocumentOpenMode.Import))
        {
            Assert.True(opened.PageCount >= 1);
        }
        // Kept for a person to look at (the pass-phrase beside it): artifacts/child-protection-file-{provider}.pdf.
        var artifacts = Directory.CreateDirectory(Path.Combine(Environment.GetEnvironmentVariable("CASELOAD_ARTIFACTS") is { Length: > 0 } a ? a : Path.Combine(AppContext.BaseDirectory, "artifacts"), "files")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(artifacts, $"child-protection-file-{provider}.pdf"), pdf);
        await File.WriteAllTextAsync(Path.Combine(artifacts, $"child-protection-file-{provider}.pass-phrase.txt"), prepared.PassPhrase);

        // Sent on Monday by secure e-mail: the task to send has gone, the acknowledgement is awaited until Monday 30th.
        var sent = Assert.Single((await sender.OverviewAsync(lead))!.Sent);
        Assert.True(await sender.RecordSentAsync(lead, prepared.TransferId, sent.Version, monday, "Secure e-mail"));
        Assert.Equal(new DateOnly(2026, 11, 30), Assert.Single((await sender.OverviewAsync(lead))!.Sent).ChaseFrom);
        Assert.DoesNotContain((await db.UseCase<GetInbox>(context, "staff:T005").HandleAsync(lead, monday)).Items, i => i.Kind is GetInbox.Kind.ChildProtectionFileToSend or GetInbox.Kind.ChildProtectionFileChase);

        // Other College receives it.
        var otherLead = await ScopeOf(other, "T005");
        var receiver = Transfers("staff:T005@OTHER");
        var otherAmira = await context.Students.Where(s => s.InstitutionId == other && s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var before = await context.SafeguardingReceivedFiles.CountAsync();
        Assert.Contains("the pass-phrase does not open this file from Test College", (await Assert.ThrowsAsync<ValidationException>(() => receiver.ReceiveAsync(otherLead, bundle, "wrong-pass-phrase"))).Message, StringComparison.Ordinal);
        var envelope = JsonNode.Parse(bundle)!.AsObject();
        envelope["from"] = "Somewhere Else";
        Assert.Contains("it was changed after Somewhere Else signed it", (await Assert.ThrowsAsync<ValidationException>(() => receiver.ReceiveAsync(otherLead, Encoding.UTF8.GetBytes(envelope.ToJsonString()), prepared.PassPhrase))).Message, StringComparison.Ordinal);
        var cipher = JsonNode.Parse(bundle)!.AsObject();
        var text64 = cipher["ciphertext"]!.GetValue<string>();
        cipher["ciphertext"] = (text64[0] == 'A' ? "B" : "A") + text64[1..];
        Assert.Contains("signature does not match its content", (await Assert.ThrowsAsync<ValidationException>(() => receiver.ReceiveAsync(otherLead, Encoding.UTF8.GetBytes(cipher.ToJsonString()), prepared.PassPhrase))).Message, StringComparison.Ordinal);
        Assert.Contains("not a child-protection file from Caseload", (await Assert.ThrowsAsync<ValidationException>(() => receiver.ReceiveAsync(otherLead, "name,upn\nAmira,A1"u8.ToArray(), prepared.PassPhrase))).Message, StringComparison.Ordinal);
        var theirs = await context.Students.SingleAsync(s => s.Id == otherAmira);
        theirs.Upn = "B999999999999";
        await context.SaveChangesAsync();
        Assert.Equal("no student on roll here has UPN A123456789012 (the file from Test College is for a child born 14 March 2010); expected the child to be in the students import first — import them, then receive the file",
            (await Assert.ThrowsAsync<ValidationException>(() => receiver.ReceiveAsync(otherLead, bundle, prepared.PassPhrase))).Message);
        (theirs.Upn, theirs.DateOfBirth) = ("A123456789012", new DateOnly(2010, 3, 15));
        await context.SaveChangesAsync();
        Assert.Contains("was born on 15 March 2010, but the file is for a child born on 14 March 2010", (await Assert.ThrowsAsync<ValidationException>(() => receiver.ReceiveAsync(otherLead, bundle, prepared.PassPhrase))).Message, StringComparison.Ordinal);
        theirs.DateOfBirth = new DateOnly(2010, 3, 14);
        await context.SaveChangesAsync();
        var otherTutor = await ScopeOf(other, "T001");
        Assert.Null(await Transfers("staff:T001@OTHER").ReceiveAsync(otherTutor, bundle, prepared.PassPhrase));
        Assert.Equal(before, await context.SafeguardingReceivedFiles.CountAsync());

        var received = (await receiver.ReceiveAsync(otherLead, bundle, $"  {prepared.PassPhrase} "))!;
        Assert.Equal((otherAmira, "Test College", prepared.KeyFingerprint), (received.StudentId, received.FromSchool, received.KeyFingerprint));
        Assert.Contains("was received already", (await Assert.ThrowsAsync<ValidationException>(() => receiver.ReceiveAsync(otherLead, bundle, prepared.PassPhrase))).Message, StringComparison.Ordinal);
        var open = (await receiver.OpenReceivedAsync(otherLead, received.Id))!;
        var c = Assert.Single(open.File.Concerns);
        Assert.Equal((Words, "He hits me when mum is out", "Left forearm", "Bruise, 3 cm"), (c.What, c.ChildsWords, c.Marks.Single().Region, c.Marks.Single().Note));
        Assert.Equal("%PDF-1.4 the written note", Encoding.ASCII.GetString(c.Attachments.Single().Content));
        Assert.Equal("Spoke to mum; social care informed", Assert.Single(open.File.Entries).Text);
        Assert.Null(await Transfers("staff:T001@OTHER").OpenReceivedAsync(otherTutor, received.Id));
        Assert.Null(await sender.OpenReceivedAsync(lead, received.Id)); // another institution's
        Assert.Equal("Test College", Assert.Single((await receiver.ForStudentAsync(otherLead, otherAmira))!.Value.Received).FromSchool);

        // A week on, unacknowledged: the lead is told to chase; the receipt code closes it.
        db.Clock.Now = new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero);
        var later = new DateOnly(2026, 11, 30);
        Assert.Single((await db.UseCase<GetInbox>(context, "staff:T005").HandleAsync(lead, later)).Items, i => i.Kind == GetInbox.Kind.ChildProtectionFileChase);
        var version = Assert.Single((await sender.OverviewAsync(lead))!.Sent).Version;
        Assert.Contains("is not the one sealed in the file sent to Other College", (await Assert.ThrowsAsync<ValidationException>(() => sender.AcknowledgeAsync(lead, prepared.TransferId, version, "Jo Bloggs", later, "aaaa-bbbb-cccc"))).Message, StringComparison.Ordinal);
        Assert.True(await sender.AcknowledgeAsync(lead, prepared.TransferId, version, "Jo Bloggs", later, received.ReceiptCode.ToUpperInvariant()));
        var done = Assert.Single((await sender.OverviewAsync(lead))!.Sent);
        Assert.Equal((later, "Jo Bloggs", true), (done.AcknowledgedOn, done.AcknowledgedBy, done.WithCode));
        Assert.DoesNotContain((await db.UseCase<GetInbox>(context, "staff:T005").HandleAsync(lead, later)).Items, i => i.Kind is GetInbox.Kind.ChildProtectionFileToSend or GetInbox.Kind.ChildProtectionFileChase);
        await Assert.ThrowsAsync<Caseload.Core.Shared.ConcurrencyException>(() => sender.AcknowledgeAsync(lead, prepared.TransferId, version, "Jo Bloggs", later, null));

        // Every download and opening audited as restricted; no words in the audit log.
        var audit = await context.AuditEvents.AsNoTracking().Where(a => a.Entity == nameof(SafeguardingTransfer) || a.Entity == nameof(SafeguardingReceivedFile)).ToListAsync();
        Assert.All(audit, a => Assert.True(a.Restricted));
        Assert.Contains(audit, a => a.Action == AuditAction.Read && a.Entity == nameof(SafeguardingReceivedFile));
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.Read && a.Entity == nameof(SafeguardingTransfer)));
        Assert.DoesNotContain(await context.AuditEvents.AsNoTracking().Select(a => a.Changes ?? "").ToListAsync(), changes => changes.Contains("uncle", StringComparison.Ordinal));
    }
}
