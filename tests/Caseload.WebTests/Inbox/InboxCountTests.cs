using System.Text.RegularExpressions;

namespace Caseload.WebTests.Inbox;

/// <summary>The number beside "My inbox" is the number the inbox page says it counts: what is new or overdue.</summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed partial class InboxCountTests(WebApp app)
{
    [Fact]
    public async Task The_badge_and_the_page_count_the_same_things()
    {
        // The tutor-only demo account with the most open cases: an inbox with something in it.
        var email = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor'
            ORDER BY (SELECT COUNT(*) FROM intervention_cases c WHERE c.owner_staff_id = s.id AND c.status = 'Open' AND c.deleted_at IS NULL) DESC, s.id LIMIT 1
            """)).Single();
        using var http = await Accounts.SignInAsync(app, email);
        var page = await http.GetStringAsync(new Uri("/inbox", UriKind.Relative));
        var summary = SummaryCount().Match(page);
        var badge = BadgeCount().Match(page);
        if (!summary.Success)
        {
            // Nothing in the inbox on this day: no number beside it either.
            Assert.Contains("Nothing needs you", page, StringComparison.Ordinal);
            Assert.False(badge.Success);
            return;
        }
        var shown = badge.Success ? int.Parse(badge.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        Assert.Equal(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), shown);
    }

    [GeneratedRegex(@"data-testid=""inbox-count"">(\d+)<")]
    private static partial Regex SummaryCount();

    [GeneratedRegex(@">My inbox \((\d+)\)<")]
    private static partial Regex BadgeCount();
}
