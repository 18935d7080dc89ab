using Caseload.Core;
using Caseload.Core.Data;
using Caseload.Core.Features.Behaviour;
using Caseload.Core.Features.Cases;
using Caseload.Core.Features.Inbox;
using Caseload.Core.Features.Letters;
using Caseload.Core.Features.OneToOnes;
using Caseload.Core.Features.ParentContacts;
using Caseload.Core.Features.Referrals;
using Caseload.Core.Features.TargetBank;
using Caseload.Core.Security;
using Caseload.Core.Shared;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Letters;

/// <summary>Letter templates are saved like every other record: against the version the editor saw, never silently over another's save.</summary>
public sealed class LetterTemplateTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_first_save_over_a_default_refuses_a_stale_editor_and_a_race_has_one_winner(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        SaveLetterTemplate LettersFor(CaseloadDbContext context, string actor) => db.UseCase<SaveLetterTemplate>(context, actor);
        await using var setup = db.NewContext();
        var admin = (await Viewers.ForStaffAsync(setup, await setup.Staff.Where(s => s.ExternalId == "T006").Select(s => s.Id).SingleAsync()))!;

        // Two administrators open the default "uniform" letter (version 0). The first saves; the second is refused, told who.
        await LettersFor(db.NewContext(), "staff:" + admin.StaffId).HandleAsync(admin, "uniform", "Uniform", "First {{student_first_name}}", 0);
        var stale = await Assert.ThrowsAsync<ConcurrencyException>(() => LettersFor(db.NewContext(), "staff:0").HandleAsync(admin, "uniform", "Uniform", "Second", 0));
        Assert.Equal("Priya Desai", stale.ChangedBy);
        await using (var check = db.NewContext())
        {
            var saved = await check.LetterTemplates.SingleAsync(t => t.Key == "uniform");
            Assert.Equal(("First {{student_first_name}}", 1), (saved.Body, saved.Version));
        }

        // Two first saves of each other default at the same moment: one wins, the other is told; never an error.
        foreach (var key in new[] { "attendance", "equipment", "positive" })
        {
            var saves = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
            {
                try
                {
                    await LettersFor(db.NewContext(), "staff:" + admin.StaffId).HandleAsync(admin, key, "Letter", $"Body {i}", 0);
                    return "saved";
                }
                catch (ConcurrencyException)
                {
                    return "refused";
                }
            }));
            Assert.Equal(["refused", "saved"], saves.Order());
        }

        // A letter that is not one of the standard letters does not exist; a letter longer than its column is refused with the limit.
        await Assert.ThrowsAsync<NotFoundException>(() => LettersFor(db.NewContext(), "x").HandleAsync(admin, "no-such-letter", "X", "Hello", 0));
        var huge = await Assert.ThrowsAsync<ValidationException>(() => LettersFor(db.NewContext(), "x").HandleAsync(admin, "uniform", "Uniform", new string('a', 3_000_000), 1));
        Assert.Equal("the letter is 3,000,000 characters long; expected at most 8,000 (about three pages)", huge.Message);
    }
}
