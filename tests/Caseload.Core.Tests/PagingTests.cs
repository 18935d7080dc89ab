using Caseload.Core.Domain;
using Caseload.Core.Shared;

namespace Caseload.Core.Tests;

/// <summary>Long lists arrive 50 rows at a time; past the last page is the last page; "all" is every row.</summary>
public sealed class PagingTests
{
    [Fact]
    public void A_list_of_120_is_three_pages_of_50_50_and_20()
    {
        var rows = Enumerable.Range(1, 120).ToList();
        var second = Paging.Of(rows, 2, all: false);
        Assert.Equal((51, 100, 3, 120), (second.First, second.Last, second.Pages, second.Matched));
        Assert.Equal(51, second.Rows[0]);
        var beyond = Paging.Of(rows, 9, all: false);
        Assert.Equal((3, 101, 120), (beyond.Page, beyond.First, beyond.Last));
        var before = Paging.Of(rows, -4, all: false);
        Assert.Equal((1, 1, 50), (before.Page, before.First, before.Last));
        var all = Paging.Of(rows, 2, all: true);
        Assert.Equal((1, 1, 120, 120, true), (all.Pages, all.First, all.Last, all.Rows.Count, all.Paginated));
    }

    [Fact]
    public void A_short_list_is_one_page_without_a_pager_and_an_empty_list_shows_nothing()
    {
        var short_ = Paging.Of(Enumerable.Range(1, 50).ToList(), 1, all: false);
        Assert.Equal((1, 1, 50, false), (short_.Pages, short_.First, short_.Last, short_.Paginated));
        var none = Paging.Of(new List<int>(), 1, all: false);
        Assert.Equal((0, 0, 1), (none.First, none.Last, none.Pages));
    }

    [Fact]
    public void The_pager_shows_the_first_the_last_and_the_pages_either_side_with_gaps()
    {
        Assert.Equal([1, null, 4, 5, 6, null, 10], Paging.Numbers(5, 10));
        Assert.Equal([1, 2, null, 10], Paging.Numbers(1, 10));
        Assert.Equal([1, 2, 3], Paging.Numbers(2, 3));
    }

    [Theory]
    [InlineData("Leila", "Kaya", "LK")]
    [InlineData("zoë", "o'Brien-Wong", "ZO")]
    [InlineData("", "Kaya", "K")]
    public void Initials_are_the_first_letters_of_the_name_used_and_the_surname(string first, string last, string expected)
    {
        Assert.Equal(expected, Student.Initials(first, last));
        Assert.Equal(expected, Student.InitialsOf($"{first} {last}".Trim()));
    }

    [Fact]
    public void A_middle_name_is_skipped()
    {
        Assert.Equal("MS", Student.InitialsOf("Mary Ann Smith"));
    }
}
