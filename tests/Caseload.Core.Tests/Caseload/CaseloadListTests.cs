using Caseload.Core.Features.Caseload;
using static Caseload.Core.Features.Caseload.CaseloadList;

namespace Caseload.Core.Tests.Caseload;

/// <summary>The caseload's server-side list: filters, sorts and pages worked out by hand on small made-up caseloads.</summary>
public sealed class CaseloadListTests
{
    private static GetCaseload.Row Row(int id, string name, int attention = 0, decimal? term = null, string group = "12A", int lates = 0, params string[] flags) =>
        new(id, $"S{id:0000}", name, name[..1], group, "Tutor", term, term, null, [], lates, 0, 0, null, 0, flags, null, attention, []);

    [Fact]
    public void A_caseload_of_120_is_three_pages_of_50_50_and_20_in_the_caseloads_own_order()
    {
        // The caseload arrives most in need first: ids 1..120 in that order.
        var rows = Enumerable.Range(1, 120).Select(i => Row(i, $"Student {i:000}", attention: 121 - i)).ToList();

        var first = Apply(rows, new Query());
        Assert.Equal(Enumerable.Range(1, 50), first.Rows.Select(r => r.Id));
        Assert.Equal((120, 1, 3, 1, 50), (first.Matched, first.Page, first.Pages, first.First, first.Last));

        var third = Apply(rows, new Query(Page: 3));
        Assert.Equal(Enumerable.Range(101, 20), third.Rows.Select(r => r.Id));
        Assert.Equal((101, 120), (third.First, third.Last));

        // Past the end shows the last page; before the start the first; "all" is one page of everyone.
        Assert.Equal(3, Apply(rows, new Query(Page: 99)).Page);
        Assert.Equal(1, Apply(rows, new Query(Page: -4)).Page);
        var all = Apply(rows, new Query(Page: 2, All: true));
        Assert.Equal((120, 1, 1, 1, 120), (all.Rows.Count, all.Page, all.Pages, all.First, all.Last));
    }

    [Fact]
    public void Attendance_sorts_lowest_first_with_students_who_have_no_figures_last_either_way()
    {
        var rows = new[] { Row(1, "Ann", term: 91.5m), Row(2, "Ben"), Row(3, "Cai", term: 48.0m), Row(4, "Dee", term: 100m) };
        Assert.Equal([3, 1, 4, 2], Apply(rows, new Query(Sort: SortBy.Term)).Rows.Select(r => r.Id));
        Assert.Equal([4, 1, 3, 2], Apply(rows, new Query(Sort: SortBy.Term, Ascending: false)).Rows.Select(r => r.Id));
        Assert.True(Apply(rows, new Query(Sort: SortBy.Term)).Ascending);
    }

    [Fact]
    public void Ties_keep_the_order_of_need_and_figures_where_more_is_worse_sort_highest_first()
    {
        // Lates: Cai and Ann tie on 3; Ann came first in the caseload (more in need), so stays first.
        var rows = new[] { Row(1, "Ann", attention: 60, lates: 3), Row(2, "Ben", attention: 50, lates: 7), Row(3, "Cai", attention: 40, lates: 3), Row(4, "Dee", attention: 30) };
        var slice = Apply(rows, new Query(Sort: SortBy.Lates));
        Assert.False(slice.Ascending);
        Assert.Equal([2, 1, 3, 4], slice.Rows.Select(r => r.Id));
        Assert.Equal([4, 1, 3, 2], Apply(rows, new Query(Sort: SortBy.Lates, Ascending: true)).Rows.Select(r => r.Id));
        Assert.Equal([1, 2, 3, 4], Apply(rows, new Query(Sort: SortBy.Name)).Rows.Select(r => r.Id));
        Assert.Equal([4, 3, 2, 1], Apply(rows, new Query(Sort: SortBy.Name, Ascending: false)).Rows.Select(r => r.Id));
    }

    [Fact]
    public void Names_are_found_in_any_order_and_filters_narrow_before_paging()
    {
        var rows = new List<GetCaseload.Row> { Row(1, "Leila Kaya", term: 84m, flags: "SEND"), Row(2, "Kaya Brown", term: 97m), Row(3, "Leila Stone", term: 70m, group: "12B") };
        Assert.Equal([1], Apply(rows, new Query(Text: "Kaya Leila")).Rows.Select(r => r.Id));
        Assert.Equal([1], Apply(rows, new Query(Text: "  kaya   LEILA ")).Rows.Select(r => r.Id));
        Assert.Equal([2], Apply(rows, new Query(Text: "s0002")).Rows.Select(r => r.Id));
        Assert.Equal([1, 3], Apply(rows, new Query(Below: 90m)).Rows.Select(r => r.Id));
        Assert.Equal([1], Apply(rows, new Query(Flag: "SEND")).Rows.Select(r => r.Id));
        Assert.Equal([3], Apply(rows, new Query(Group: "12B")).Rows.Select(r => r.Id));
        var none = Apply(rows, new Query(Text: "Nobody"));
        Assert.Equal((0, 0, 0, 1), (none.Matched, none.First, none.Last, none.Pages));
        Assert.Throws<ValidationException>(() => Apply(rows, new Query(Text: new string('x', Domain.Limits.SearchLength + 1))));
    }
}
