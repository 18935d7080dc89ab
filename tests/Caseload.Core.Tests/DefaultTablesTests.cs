using Caseload.Core.Domain;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Rules;

namespace Caseload.Core.Tests;

public sealed class DefaultTablesTests
{
    private static readonly Dictionary<string, AttendanceCode> Codes = DefaultAttendanceCodes.For(1).ToDictionary(c => c.Code);

    [Theory]
    [InlineData("/", AttendanceMeaning.Present)]
    [InlineData("\\", AttendanceMeaning.Present)]
    [InlineData("L", AttendanceMeaning.Present)]
    [InlineData("K", AttendanceMeaning.ApprovedActivity)]
    [InlineData("V", AttendanceMeaning.ApprovedActivity)]
    [InlineData("P", AttendanceMeaning.ApprovedActivity)]
    [InlineData("W", AttendanceMeaning.ApprovedActivity)]
    [InlineData("B", AttendanceMeaning.ApprovedActivity)]
    [InlineData("C", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("C1", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("E", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("I", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("J1", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("M", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("R", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("S", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("T", AttendanceMeaning.AuthorisedAbsence)]
    [InlineData("G", AttendanceMeaning.UnauthorisedAbsence)]
    [InlineData("N", AttendanceMeaning.UnauthorisedAbsence)]
    [InlineData("O", AttendanceMeaning.UnauthorisedAbsence)]
    [InlineData("U", AttendanceMeaning.UnauthorisedAbsence)]
    [InlineData("D", AttendanceMeaning.NotPossible)]
    [InlineData("X", AttendanceMeaning.NotPossible)]
    [InlineData("Q", AttendanceMeaning.NotPossible)]
    [InlineData("Y1", AttendanceMeaning.NotPossible)]
    [InlineData("Y7", AttendanceMeaning.NotPossible)]
    [InlineData("Z", AttendanceMeaning.Administrative)]
    [InlineData("#", AttendanceMeaning.Administrative)]
    public void DfE_codes_have_their_statistical_meaning(string code, AttendanceMeaning meaning) =>
        Assert.Equal(meaning, Codes[code].Meaning);

    [Fact]
    public void Not_possible_codes_are_never_filed_as_authorised_absence()
    {
        foreach (var code in new[] { "D", "X", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7" })
        {
            Assert.False(Codes[code].Meaning.IsPossible(), code);
            Assert.False(Codes[code].Meaning.IsAbsence(), code);
        }
    }

    [Fact]
    public void Only_L_and_U_are_late_and_U_counts_as_unauthorised_absence()
    {
        Assert.Equal(["L", "U"], Codes.Values.Where(c => c.IsLate).Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.True(Codes["L"].Meaning.IsAttending());
        Assert.Equal(AttendanceMeaning.UnauthorisedAbsence, Codes["U"].Meaning);
    }

    [Fact]
    public void Codes_withdrawn_in_2024_remain_to_classify_old_registers()
    {
        Assert.True(Codes["H"].Withdrawn);
        Assert.True(Codes["J"].Withdrawn);
        Assert.True(Codes["Y"].Withdrawn);
        Assert.Equal(AttendanceMeaning.NotPossible, Codes["Y"].Meaning);
        Assert.Equal(3, Codes.Values.Count(c => c.Withdrawn));
    }

    [Fact]
    public void A_level_points_and_tariff_follow_the_published_tables()
    {
        var a = DefaultGradeScales.For(1).Single(s => s.Code == "A-LEVEL").Grades.ToDictionary(g => g.Code);
        Assert.Equal((60m, 56), (a["A*"].Points, a["A*"].Tariff));
        Assert.Equal((30m, 32), (a["C"].Points, a["C"].Tariff));
        Assert.Equal((10m, 16), (a["E"].Points, a["E"].Tariff));
        Assert.True(a["A*"].Rank > a["A"].Rank && a["E"].Rank > a["U"].Rank);
        Assert.Equal(2, a["A"].Rank - a["C"].Rank); // "two grades below" is a rank difference
    }

    [Fact]
    public void Btec_and_legacy_gcse_tables_match_uk_facts()
    {
        var scales = DefaultGradeScales.For(1).ToDictionary(s => s.Code, s => s.Grades.ToDictionary(g => g.Code));
        Assert.Equal(168, scales["BTEC-ED"]["D*D*D*"].Tariff);
        Assert.Equal(144, scales["BTEC-ED"]["DDD"].Tariff);
        Assert.Equal(96, scales["BTEC-ED"]["MMM"].Tariff);
        Assert.Equal(48, scales["BTEC-ED"]["PPP"].Tariff);
        Assert.Equal(112, scales["BTEC-DIP"]["D*D*"].Tariff);
        Assert.Equal(56, scales["BTEC-EC"]["D*"].Tariff);
        Assert.Equal(5.5m, scales["GCSE-LETTER"]["B"].Points);
        Assert.Equal(1.5m, scales["GCSE-LETTER"]["F"].Points);
        Assert.Equal(72, scales["T-LEVEL"]["Pass (D/E)"].Tariff);
    }

    [Theory]
    [InlineData("2026-09-07", "2026-09-07")] // Monday
    [InlineData("2026-09-13", "2026-09-07")] // Sunday belongs to the week before
    [InlineData("2026-09-10", "2026-09-07")]
    [InlineData("2027-01-01", "2026-12-28")]
    public void Weeks_start_on_monday(string date, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            Weeks.StartOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Senior Tutor", "senior-tutor")]
    [InlineData("SAFEGUARDING_LEAD", "safeguarding-lead")]
    [InlineData("tutor", "tutor")]
    [InlineData("head teacher", null)]
    public void Role_names_are_normalised(string given, string? expected) => Assert.Equal(expected, Domain.Roles.Normalise(given));
}
