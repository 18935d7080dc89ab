using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Domain;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Features.Safeguarding;
using Caseload.Core.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Safeguarding;

/// <summary>Files kept with a concern: checked by content, size-limited, stored encrypted, opened by the team only.</summary>
public sealed class SafeguardingAttachmentTests
{
    private static async Task<StudentScope> ScopeAsync(CaseloadDbContext context, string staff)
    {
        var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
        return await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_is_refused_unless_a_real_PDF_image_or_Word_file_under_the_limit_and_is_stored_encrypted_for_the_team_alone(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        var amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
        var lead = await ScopeAsync(context, "T005");
        var concern = (await db.UseCase<ReportSafeguardingConcern>(context, "staff:T005").HandleAsync(lead,
            new(amira, Urgency.Soon, "Note found in her bag.", new DateOnly(2026, 11, 23), null, null, null, null, null, ["Neglect"])))!;
        var keys = new EphemeralDataProtectionProvider();
        SafeguardingAttachments For(string staff) => new(db.UseCase<ReferralAccess>(context, "staff:" + staff), keys);
        var files = For("T005");
        var pdf = "%PDF-1.7\nSecret attachment marker\n%%EOF"u8.ToArray();

        // Refused, nothing written: a text file named .pdf; a zip not named .docx; an empty file; one over 10 MB.
        var before = await db.CountsAsync();
        Assert.Equal("the file note.pdf is not a PDF, JPEG, PNG or Word (.docx) file; expected one of those (its content is checked, not only its name)",
            (await Assert.ThrowsAsync<ValidationException>(() => files.AddAsync(lead, concern.Id, "note.pdf", new MemoryStream("just text"u8.ToArray())))).Message);
        await Assert.ThrowsAsync<ValidationException>(() => files.AddAsync(lead, concern.Id, "archive.zip", new MemoryStream("PK\x03\x04rest"u8.ToArray())));
        Assert.Equal("the file empty.png is empty", (await Assert.ThrowsAsync<ValidationException>(() => files.AddAsync(lead, concern.Id, "empty.png", new MemoryStream()))).Message);
        var big = new byte[Limits.AttachmentBytes + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.StartsWith("the file big.pdf is over 10 MB", (await Assert.ThrowsAsync<ValidationException>(() => files.AddAsync(lead, concern.Id, "big.pdf", new MemoryStream(big)))).Message);
        // Nobody outside the team attaches.
        Assert.Null(await For("T001").AddAsync(await ScopeAsync(context, "T001"), concern.Id, "note.pdf", new MemoryStream(pdf)));
        Assert.Equal(before, await db.CountsAsync());

        // Accepted: the PDF (a path in the name is dropped), and a Word file by its zip header and name.
        var id = (await files.AddAsync(lead, concern.Id, @"C:\Users\ruth\Desktop\note.pdf", new MemoryStream(pdf)))!.Value;
        Assert.NotNull(await files.AddAsync(lead, concern.Id, "letter.docx", new MemoryStream("PK\x03\x04word"u8.ToArray())));
        var stored = await context.SafeguardingAttachments.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal(("note.pdf", "application/pdf", pdf.Length), (stored.FileName, stored.ContentType, stored.Size));
        Assert.DoesNotContain("Secret attachment marker", System.Text.Encoding.Latin1.GetString(stored.Content), StringComparison.Ordinal); // encrypted at rest
        Assert.Equal(pdf, (await files.OpenAsync(lead, id))!.Content);
        Assert.Null(await For("T006").OpenAsync(await ScopeAsync(context, "T006"), id)); // an administrator
        Assert.Null(await For("T021").OpenAsync(await ScopeAsync(context, "T021"), id)); // a senior leader
        Assert.True(await context.AuditEvents.AnyAsync(a => a.Entity == nameof(SafeguardingAttachment) && a.Action == AuditAction.Read && a.Restricted));
        // The chronology lists them for the team.
        var chronology = await db.UseCase<GetSafeguardingChronology>(context, "staff:T005").HandleAsync(lead, amira);
        Assert.Equal(["note.pdf", "letter.docx"], chronology!.Lines.Single().Concern!.Attachments.Select(a => a.FileName));
        // At most five to a concern.
        for (var i = 0; i < 3; i++)
        {
            await files.AddAsync(lead, concern.Id, $"page{i}.pdf", new MemoryStream(pdf));
        }
        Assert.Equal("this concern has 5 files already, the most one concern keeps",
            (await Assert.ThrowsAsync<ValidationException>(() => files.AddAsync(lead, concern.Id, "more.pdf", new MemoryStream(pdf)))).Message);
    }
}
