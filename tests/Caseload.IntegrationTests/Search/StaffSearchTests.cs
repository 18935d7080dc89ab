using Caseload.Core;
using Caseload.Core.Features.Search;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Search;

/// <summary>An administrator finds members of staff by names in any order, e-mail or staff id, leavers last and marked; nobody else may.</summary>
public sealed class StaffSearchTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_finds_staff_by_any_order_of_names_and_sees_who_has_left(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        async Task<Viewer> ViewerOf(string staff) => (await Viewers.ForStaffAsync(context, await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync()))!;
        var search = new SearchStaff(context);
        var admin = await ViewerOf("T006");

        var grace = Assert.Single((await search.HandleAsync(admin, "okafor GRACE")).Hits);
        Assert.Equal(("Grace Okafor", "T001", "grace.okafor@school.example", true, false), (grace.Name, grace.ExternalId, grace.Email, grace.Here, grace.HasAccount));
        Assert.Equal(["tutor"], grace.Roles);
        Assert.Equal("T004", Assert.Single((await search.HandleAsync(admin, "t004")).Hits).ExternalId);
        var paul = Assert.Single((await search.HandleAsync(admin, "paul.green@")).Hits);
        Assert.Equal((false, (DateOnly?)new DateOnly(2026, 10, 23)), (paul.Here, paul.LeftOn));
        Assert.Empty((await search.HandleAsync(admin, "   ")).Hits);
        var tutor = await ViewerOf("T001");
        await Assert.ThrowsAsync<NotFoundException>(() => search.HandleAsync(tutor, "okafor"));
    }
}
