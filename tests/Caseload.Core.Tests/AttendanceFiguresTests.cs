using Caseload.Core.Features.Institutions;
using Caseload.Core.Rules;

namespace Caseload.Core.Tests;

/// <summary>The attendance rules against examples worked by hand (expected numbers in the comments).</summary>
public sealed class AttendanceFiguresTests
{
    private static readonly Dictionary<string, Domain.AttendanceCode> Codes = DefaultAttendanceCodes.For(1).ToDictionary(c => c.Code);

    private static AttendanceFigures Of(params string[] marks) => AttendanceFigures.OfMarks(marks.Select(m => (m, (int?)null)), Codes);

    [Fact]
    public void Not_possible_codes_D_X_Y1_are_left_out_of_possible_sessions()
    {
        // 10 marks: 6 present (/), 1 illness (I), D, X, Y1 -> possible 7, attended 6: 85.7%.
        var f = Of("/", "/", "/", "/", "/", "/", "I", "D", "X", "Y1");
        Assert.Equal(7, f.Possible);
        Assert.Equal(6, f.Attended);
        Assert.Equal(85.7m, f.AttendancePercent); // 600 / 7 = 85.714…
        Assert.Equal(14.3m, f.AbsencePercent);    // 100 / 7 = 14.285…
        Assert.Equal((1, 0), (f.AuthorisedAbsence, f.UnauthorisedAbsence));
    }

    [Fact]
    public void A_late_after_the_register_closed_is_an_unauthorised_absence_and_a_late()
    {
        // / L U O: possible 4; present / and L (2); unauthorised U and O (2); lates L and U, one of them after close.
        var f = AttendanceFigures.OfMarks([("/", null), ("L", 5), ("U", 25), ("O", null)], Codes);
        Assert.Equal((4, 2, 2), (f.Possible, f.Present, f.UnauthorisedAbsence));
        Assert.Equal((2, 1, 1), (f.Lates, f.LatesBeforeClose, f.LatesAfterClose));
        Assert.Equal(30, f.MinutesLate);
        Assert.Equal(50.0m, f.AttendancePercent);
        Assert.Equal(50.0m, f.UnauthorisedPercent);
    }

    [Fact]
    public void Approved_educational_activity_counts_as_attendance_not_presence()
    {
        // / V B I: possible 4, present 1, approved 2, attended 3 -> 75%.
        var f = Of("/", "V", "B", "I");
        Assert.Equal((1, 2, 3), (f.Present, f.ApprovedActivity, f.Attended));
        Assert.Equal(75.0m, f.AttendancePercent);
    }

    [Theory]
    // absent of possible -> persistent (>= 10%), severe (>= 50%)
    [InlineData(0, 20, false, false)]
    [InlineData(1, 20, false, false)]  // 5%
    [InlineData(2, 21, false, false)]  // 9.52%: rounds to 9.5, not persistent
    [InlineData(2, 20, true, false)]   // exactly 10%
    [InlineData(9, 19, true, false)]   // 47.4%
    [InlineData(10, 20, true, true)]   // exactly 50%: severe, and persistent too
    [InlineData(20, 20, true, true)]   // never attended
    public void Persistent_and_severe_absence_thresholds(int absent, int possible, bool persistent, bool severe)
    {
        var f = new AttendanceFigures(possible, possible - absent, 0, absent, 0, 0, 0, 0);
        Assert.Equal(persistent, f.PersistentAbsence);
        Assert.Equal(severe, f.SevereAbsence);
        Assert.True(!f.SevereAbsence || f.PersistentAbsence, "a severe absentee is always a persistent absentee");
    }

    [Fact]
    public void A_period_with_no_possible_sessions_has_no_percentage_and_is_not_an_absentee()
    {
        var f = Of("X", "X", "D");
        Assert.Null(f.AttendancePercent);
        Assert.False(f.PersistentAbsence);
        Assert.Equal(AttendanceBand.None, AttendanceBands.Default.Of(f.AttendancePercent));
    }

    [Fact]
    public void Periods_add_up_and_percentages_round_half_away_from_zero()
    {
        // Week 1: 15 possible, 14 attended; week 2: 1 possible, 0 attended -> 14/16 = 87.5% exactly.
        var total = AttendanceFigures.Sum([new(15, 14, 0, 1, 0, 0, 0, 0), new(1, 0, 0, 0, 1, 0, 0, 0)]);
        Assert.Equal(87.5m, total.AttendancePercent);
        // 1/16 absent = 6.25% -> 6.3 (half away from zero, not banker's 6.2).
        Assert.Equal(6.3m, new AttendanceFigures(16, 15, 0, 1, 0, 0, 0, 0).AbsencePercent);
        // Trend: 80% recently against 92.5% before -> down 12.5 points.
        Assert.Equal(-12.5m, AttendanceFigures.Trend(new(10, 8, 0, 2, 0, 0, 0, 0), new(40, 37, 0, 3, 0, 0, 0, 0)));
    }

    [Theory]
    [InlineData(100, AttendanceBand.Good)]
    [InlineData(95, AttendanceBand.Good)]
    [InlineData(94.9, AttendanceBand.Watch)]
    [InlineData(90, AttendanceBand.Watch)]
    [InlineData(89.9, AttendanceBand.Low)]
    public void Default_bands(decimal percent, AttendanceBand band) => Assert.Equal(band, AttendanceBands.Default.Of(percent));

    [Fact]
    public void An_institution_can_move_its_bands_but_not_invert_them()
    {
        var strict = AttendanceBands.Create(97, 93);
        Assert.Equal(AttendanceBand.Watch, strict.Of(96m));
        Assert.Equal(AttendanceBand.Low, strict.Of(92.9m));
        var e = Assert.Throws<ValidationException>(() => AttendanceBands.Create(90, 95));
        Assert.Equal("the watch band must start below the good band; got good from 90, watch from 95", e.Message);
        Assert.Throws<ValidationException>(() => AttendanceBands.Create(101, 90));
    }
}
