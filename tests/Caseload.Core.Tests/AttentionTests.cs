using Caseload.Core.Features.Caseload;

namespace Caseload.Core.Tests;

public sealed class AttentionTests
{
    [Fact]
    public void A_student_doing_well_needs_no_attention()
    {
        var (score, reasons) = Attention.Assess(attendance: 97.5m, trend: 1m, lates: 2, subjectsBelow: 0, worstGap: 0, worstSubject: null, behaviourPoints: 3);
        Assert.Equal(0, score);
        Assert.Empty(reasons);
    }

    [Fact]
    public void Reasons_are_in_words_and_add_up()
    {
        // 84% (persistent: 40) + down 6 (20) + 2 subjects, worst 2 grades (20 + 20) + 6 lates (12) + behaviour -7 (7) = 119
        var (score, reasons) = Attention.Assess(84m, -6m, 6, 2, 2, "Chemistry", -7);
        Assert.Equal(119, score);
        Assert.Equal(
        [
            "attendance 84% (persistent absence)",
            "attendance down 6 points in the last 4 weeks",
            "2 subjects below target (worst: Chemistry, two grades)",
            "6 lates this term",
            "behaviour -7 points this term",
        ], reasons);
    }

    [Fact]
    public void Severe_absence_outranks_persistent_absence_which_outranks_a_dip()
    {
        Assert.Equal(60, Attention.Assess(45m, null, 0, 0, 0, null, 0).Score);
        Assert.Equal("attendance 45% (severe absence)", Attention.Assess(45m, null, 0, 0, 0, null, 0).Reasons.Single());
        Assert.Equal(40, Attention.Assess(89.9m, null, 0, 0, 0, null, 0).Score);
        Assert.Equal(10, Attention.Assess(92m, null, 0, 0, 0, null, 0).Score);
        Assert.Equal("Maths one grade below target", Attention.Assess(null, null, 0, 1, 1, "Maths", 0).Reasons.Single());
    }
}
