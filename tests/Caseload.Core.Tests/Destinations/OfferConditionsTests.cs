using Caseload.Core.Rules;
using static Caseload.Core.Rules.OfferConditions;

namespace Caseload.Core.Tests.Destinations;

/// <summary>Results against an offer's conditions, worked by hand on A-level and BTEC scales.</summary>
public sealed class OfferConditionsTests
{
    private static readonly string[] ALevel = ["A*", "A", "B", "C", "D", "E", "U"];
    private static readonly string[] Btec = ["D*", "D", "M", "P", "U"];

    private static Course Maths(string? result) => new(1, "Mathematics", ALevel, result);
    private static Course Biology(string? result) => new(2, "Biology", ALevel, result);
    private static Course Chemistry(string? result) => new(3, "Chemistry", ALevel, result);
    private static Course Sport(string? result) => new(4, "BTEC Sport", Btec, result);

    // "AAB with an A in Mathematics": A in Mathematics, then A and B in any other subject.
    private static readonly Condition[] Aab = [new(1, "A"), new(null, "A"), new(null, "B")];

    [Fact]
    public void Met_when_the_named_course_and_the_best_of_the_rest_reach_the_grades()
    {
        // Mathematics A*, Biology B, Chemistry A: A* ≥ A in maths; Chemistry A for the "A", Biology B for the "B".
        var r = Evaluate(Aab, [Maths("A*"), Biology("B"), Chemistry("A")]);
        Assert.Equal(Verdict.Met, r.Verdict);
        Assert.Equal(["A in Mathematics: A* — met", "A in any other subject: Chemistry A — met", "B in any other subject: Biology B — met"],
            r.Lines.Select(l => l.Words));
    }

    [Fact]
    public void The_named_course_cannot_also_stand_for_an_any_subject_grade()
    {
        // Mathematics A* and Biology A, Chemistry C: the A* in maths meets only the maths condition, so the B is missed.
        var r = Evaluate(Aab, [Maths("A*"), Biology("A"), Chemistry("C")]);
        Assert.Equal(Verdict.Missed, r.Verdict);
        Assert.Equal("B in any other subject: Chemistry C — missed", r.Lines[2].Words);
    }

    [Fact]
    public void Missing_the_named_grade_misses_the_offer_however_good_the_rest()
    {
        var r = Evaluate(Aab, [Maths("B"), Biology("A*"), Chemistry("A*")]);
        Assert.Equal(Verdict.Missed, r.Verdict);
        Assert.Equal("A in Mathematics: B — missed", r.Lines[0].Words);
        Assert.True(r.Lines[1].Met);
        Assert.True(r.Lines[2].Met);
    }

    [Fact]
    public void Awaiting_while_a_result_still_to_come_could_make_the_grades()
    {
        // Chemistry not in yet: maths and biology meet two conditions; chemistry could still make the third.
        var r = Evaluate(Aab, [Maths("A"), Biology("A"), Chemistry(null)]);
        Assert.Equal(Verdict.AwaitingResults, r.Verdict);
        Assert.Equal("B in any other subject: Chemistry result not in yet", r.Lines[2].Words);
        // But once maths has missed, no result to come can help: missed now, not awaiting.
        Assert.Equal(Verdict.Missed, Evaluate(Aab, [Maths("C"), Biology("A"), Chemistry(null)]).Verdict);
    }

    [Fact]
    public void A_grade_on_another_scale_cannot_meet_a_condition()
    {
        // "A in any subject" and a BTEC's D*: A is not on the BTEC scale, so only Biology can meet it.
        Condition[] one = [new(null, "A")];
        Assert.Equal(Verdict.Missed, Evaluate(one, [Sport("D*"), Biology("B")]).Verdict);
        Assert.Equal(Verdict.Met, Evaluate(one, [Sport("D*"), Biology("A")]).Verdict);
        // A BTEC condition, "D*M in any subject": D* from Sport; M is not on Biology's A-level scale → missed.
        var btec = Evaluate([new(null, "D*"), new(null, "M")], [Sport("D*"), Biology("A")]);
        Assert.Equal(Verdict.Missed, btec.Verdict);
        Assert.Equal(["D* in any other subject: BTEC Sport D* — met", "M in any other subject: M is not a grade on Biology's scale"], btec.Lines.Select(l => l.Words));
    }

    [Fact]
    public void Grades_compare_case_blind_and_no_conditions_is_met()
    {
        Assert.Equal(Verdict.Met, Evaluate([new(1, "a")], [Maths("a*")]).Verdict);
        Assert.Equal(Verdict.Met, Evaluate([], [Maths(null)]).Verdict);
    }
}
