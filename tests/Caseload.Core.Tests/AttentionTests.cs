using Caseload.Core.Features.Caseload;
using Caseload.Core.Rules;

namespace Caseload.Core.Tests;

public sealed class AttentionTests
{
    /// <summary>A term of <paramref name="possible"/> sessions with <paramref name="absent"/> missed and some lates.</summary>
    private static AttendanceFigures Term(int possible, int absent, int lates = 0) => new(possible, possible - absent, 0, absent, 0, lates, 0, 0);

    [Fact]
    public void A_student_doing_well_needs_no_attention()
    {
        // 80 possible, 2 missed: 97.5%.
        var (score, reasons) = Attention.Assess(Term(80, 2, lates: 2), trend: 1m, subjectsBelow: 0, worstGap: 0, worstSubject: null, behaviourPoints: 3);
        Assert.Equal(0, score);
        Assert.Empty(reasons);
    }

    [Fact]
    public void Reasons_are_in_words_and_add_up()
    {
        // 50 possible, 8 missed: 84% (persistent: 40) + down 6 (20) + 2 subjects, worst 2 grades (20 + 20) + 6 lates (12)
        // + behaviour -7 (7) = 119
        var (score, reasons) = Attention.Assess(Term(50, 8, lates: 6), -6m, 2, 2, "Chemistry", -7);
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
        Assert.Equal(60, Attention.Assess(Term(20, 11), null, 0, 0, null, 0).Score);              // 45%
        Assert.Equal("attendance 45% (severe absence)", Attention.Assess(Term(20, 11), null, 0, 0, null, 0).Reasons.Single());
        Assert.Equal(40, Attention.Assess(Term(1000, 101), null, 0, 0, null, 0).Score);           // 89.9%
        Assert.Equal(10, Attention.Assess(Term(25, 2), null, 0, 0, null, 0).Score);               // 92%
        Assert.Equal("Maths one grade below target", Attention.Assess(AttendanceFigures.Empty, null, 1, 1, "Maths", 0).Reasons.Single());
    }

    [Fact]
    public void The_thresholds_are_exact_not_rounded()
    {
        // Exactly 10% missed (90.0% attendance) is persistent absence; exactly half missed is severe.
        Assert.Equal("attendance 90% (persistent absence)", Attention.Assess(Term(30, 3), null, 0, 0, null, 0).Reasons.Single());
        Assert.Equal("attendance 50% (severe absence)", Attention.Assess(Term(30, 15), null, 0, 0, null, 0).Reasons.Single());
        // 200 of 1,999 missed is 10.005%: persistent. 199 of 1,999 is 9.955%: attendance 90.045% (shown 90%), not persistent.
        Assert.Equal(40, Attention.Assess(Term(1999, 200), null, 0, 0, null, 0).Score);
        Assert.Equal(10, Attention.Assess(Term(1999, 199), null, 0, 0, null, 0).Score);
    }

    [Fact]
    public void Absences_without_a_reason_after_five_school_days_are_a_task_in_words()
    {
        // 97.5% attendance, no other concern, 3 marks still N: 15 points and the task in words.
        var (score, reasons) = Attention.Assess(Term(80, 2), null, 0, 0, null, 0, reasonsOverdue: 3);
        Assert.Equal(15, score);
        Assert.Equal("3 absences still have no reason after 5 school days", reasons.Single());
        Assert.Equal("1 absence still has no reason after 5 school days", Attention.Assess(Term(80, 2), null, 0, 0, null, 0, 1).Reasons.Single());
    }
}
