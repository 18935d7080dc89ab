using System.Text.RegularExpressions;

namespace Caseload.WebTests.Groups;

/// <summary>The tutor-group page scales to a year group: a leader gets the groups' table and one group's list at a time.</summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed partial class GroupsPageTests(WebApp app)
{
    [Fact]
    public async Task A_progress_leader_sees_the_groups_then_one_groups_students_and_a_tutor_sees_all_of_hers()
    {
        var leader = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'progress-leader' ORDER BY s.id LIMIT 1
            """)).Single();
        using var http = await Accounts.SignInAsync(app, leader);
        var page = await http.GetStringAsync(new Uri("/groups", UriKind.Relative));
        Assert.Contains("data-testid=\"choose-group\"", page, StringComparison.Ordinal);
        Assert.Empty(Section().Matches(page));
        var first = GroupLink().Match(page).Groups[1].Value;
        var one = await http.GetStringAsync(new Uri($"/groups?group={Uri.EscapeDataString(first)}", UriKind.Relative));
        Assert.Equal([first], Section().Matches(one).Select(m => m.Groups[1].Value));

        // A tutor with a few groups sees every list at once, as before.
        var tutor = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' ORDER BY s.id LIMIT 1
            """)).Single();
        using var mine = await Accounts.SignInAsync(app, tutor);
        var hers = await mine.GetStringAsync(new Uri("/groups", UriKind.Relative));
        Assert.DoesNotContain("data-testid=\"choose-group\"", hers, StringComparison.Ordinal);
        Assert.NotEmpty(Section().Matches(hers));
    }

    [GeneratedRegex(@"<section id=""group-([^""]+)""")]
    private static partial Regex Section();

    [GeneratedRegex(@"href=""/groups\?group=([^""#&]+)")]
    private static partial Regex GroupLink();
}
