using Caseload.Core.Rules;

namespace Caseload.Core.Tests;

/// <summary>Small-group suppression, worked by hand: fewer than the minimum is withheld, and so is what would give it away.</summary>
public sealed class SmallGroupsTests
{
    private static CohortFigures Of(int students) => new(students, AttendanceFigures.Empty, 0, 0, 0, 0, null, 0);

    private static int[] Withheld(params int[] students) => [.. SmallGroups.Withhold([.. students.Select(Of)], 5).Order()];

    [Fact]
    public void One_small_line_takes_the_next_smallest_with_it_so_it_cannot_be_had_by_subtraction()
    {
        // 30, 3, 25, 28: the 3 is withheld; alone it could be had as the whole (86) minus the rest, so the 25 goes too.
        Assert.Equal([1, 2], Withheld(30, 3, 25, 28));
        // Two small lines already hide each other: nothing more.
        Assert.Equal([1, 2], Withheld(30, 3, 4, 28));
        // Five is enough; an empty group (0) is nobody to protect.
        Assert.Empty(Withheld(30, 5, 0, 28));
        // A cohort of one line: that line.
        Assert.Equal([0], Withheld(3));
        // With another minimum.
        Assert.Equal([0, 1], SmallGroups.Withhold([Of(9), Of(11)], 10).Order());
    }

    [Fact]
    public void A_withheld_group_shows_no_count_and_no_figure()
    {
        var shown = SmallGroups.Show(Of(4), 5);
        Assert.True(shown.Withheld);
        Assert.Equal((0, null, null), (shown.Students, shown.AttendancePercent, shown.OnTargetPercent));
        Assert.False(SmallGroups.Show(Of(5), 5).Withheld);
    }
}
