using Caseload.Core;
using Caseload.Core.Features.Search;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Search;

/// <summary>The search box: names in any order, part of a name, identifiers — and only the searcher's own students.</summary>
public sealed class SearchStudentsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_student_is_found_by_names_in_any_order_or_an_id_and_only_by_those_who_may_see_them(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        await using var context = db.NewContext();
        async Task<List<string>> Find(string staff, string query)
        {
            var id = await context.Staff.Where(s => s.ExternalId == staff).Select(s => s.Id).SingleAsync();
            var scope = await StudentScope.ForAsync(context, (await Viewers.ForStaffAsync(context, id))!);
            return [.. (await new SearchStudents(context).HandleAsync(scope, query)).Hits.Select(h => $"{h.ExternalId} {h.Name}")];
        }

        Assert.Equal(["S1001 Amira Hassan"], await Find("T001", "Hassan Amira"));       // any order
        Assert.Equal(["S1001 Amira Hassan"], await Find("T001", "  amira   HASS "));     // part of a name, any case
        Assert.Equal(["S1002 Ollie Nowak"], await Find("T001", "ollie"));               // the preferred name
        Assert.Equal(["S1002 Ollie Nowak"], await Find("T001", "s1002"));               // the student id
        Assert.Equal(["S1002 Ollie Nowak"], await Find("T001", "A123456789013"));       // the UPN
        Assert.Empty(await Find("T001", "Mei"));                                         // 12B: not hers
        Assert.Equal(["S1004 Mei O'Brien-Wong"], await Find("T002", "wong mei"));        // 12B's tutor; part of a hyphenated name
        Assert.Empty(await Find("T001", "Hassan Zofia"));                                // every word must match
        Assert.Empty(await Find("T001", "   "));
        Assert.Empty(await Find("T001", "%"));                                           // not a wildcard
        Assert.Equal(["S1001 Amira Hassan"], await Find("T001", "amira\0hassan\u001b"));  // control characters separate words (PostgreSQL refuses a NUL)
        var refused = await Assert.ThrowsAsync<ValidationException>(() => Find("T001", new string('a', 101)));
        Assert.Equal("the search is 101 characters long; expected at most 100", refused.Message);
    }
}
