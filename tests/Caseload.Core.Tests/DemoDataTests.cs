using Caseload.Core.Features.Demo;

namespace Caseload.Core.Tests;

public sealed class DemoDataTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void The_same_seed_and_date_give_identical_files()
    {
        var a = DemoData.Build(200, 7, Today);
        var b = DemoData.Build(200, 7, Today);
        foreach (var kind in DemoData.Order)
        {
            Assert.Equal(a.Csv[kind], b.Csv[kind]);
        }
        Assert.Equal(a.Contacts, b.Contacts);
    }

    [Fact]
    public void A_different_seed_gives_different_people()
    {
        var a = DemoData.Build(200, 7, Today);
        var b = DemoData.Build(200, 8, Today);
        Assert.NotEqual(a.Csv["students"], b.Csv["students"]);
    }

    [Fact]
    public void The_term_runs_from_early_september_to_before_today()
    {
        var (start, end) = DemoData.Term(Today);
        Assert.Equal(new DateOnly(2026, 9, 7), start);
        Assert.Equal(new DateOnly(2026, 11, 22), end);
        // Too early in a new year for a useful term: the previous autumn is used.
        var (s2, e2) = DemoData.Term(new DateOnly(2026, 9, 10));
        Assert.Equal((new DateOnly(2025, 9, 8), new DateOnly(2025, 12, 18)), (s2, e2));
    }

    [Fact]
    public void Lates_cluster_on_monday_mornings()
    {
        var csv = DemoData.Build(300, 3, Today).Csv["attendance"];
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        double LateRate(Func<string[], bool> where)
        {
            var set = lines.Where(where).ToList();
            return set.Count(f => f[3] is "L" or "U") / (double)set.Count;
        }
        var mondayP1 = LateRate(f => DateOnly.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture).DayOfWeek == DayOfWeek.Monday && f[2] == "P1");
        var otherwise = LateRate(f => !(DateOnly.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture).DayOfWeek == DayOfWeek.Monday && f[2] == "P1"));
        Assert.True(mondayP1 > 3 * otherwise, $"Monday P1 late rate {mondayP1:P1} vs {otherwise:P1}");
    }
}
