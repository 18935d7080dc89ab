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

    /// <summary>Every pairing tried, in course order then none, the first best kept: the rule <see cref="OfferConditions.Pair"/> must agree with.</summary>
    private static Course?[] EveryPairing(IReadOnlyList<Condition> any, IReadOnlyList<Course> free)
    {
        Course?[]? best = null;
        (int Met, int Missed) bestScore = (-1, int.MaxValue);
        var pairing = new Course?[any.Count];
        var used = new bool[free.Count];
        void Search(int i)
        {
            if (i == any.Count)
            {
                var outcome = any.Select((c, k) => pairing[k] is { } course ? Evaluate([c with { CourseId = course.Id }], [course]).Lines[0] : null).ToList();
                var met = outcome.Count(l => l is { Met: true });
                var missed = outcome.Count(l => l is null || (!l.Met && !l.Awaiting));
                if (met > bestScore.Met || (met == bestScore.Met && missed < bestScore.Missed))
                {
                    (bestScore, best) = ((met, missed), (Course?[])pairing.Clone());
                }
                return;
            }
            for (var j = 0; j < free.Count; j++)
            {
                if (!used[j])
                {
                    (used[j], pairing[i]) = (true, free[j]);
                    Search(i + 1);
                    used[j] = false;
                }
            }
            pairing[i] = null;
            Search(i + 1);
        }
        Search(0);
        return best!;
    }

    [Fact]
    public void The_best_pairing_is_the_one_trying_every_pairing_finds_on_a_thousand_random_offers()
    {
        var random = new Random(16);
        string[] grades = ["A*", "A", "B", "C", "D", "E", "U", "D*", "M", "P"];
        for (var round = 0; round < 1000; round++)
        {
            var free = Enumerable.Range(1, random.Next(0, 6)).Select(id =>
            {
                var scale = random.Next(2) == 0 ? ALevel : Btec;
                var result = random.Next(4) == 0 ? null : scale[random.Next(scale.Length)];
                return new Course(id, $"Course {id}", scale, result);
            }).ToList();
            var any = Enumerable.Range(0, random.Next(1, 5)).Select(_ => new Condition(null, grades[random.Next(grades.Length)])).ToList();
            Assert.Equal(EveryPairing(any, free).Select(c => c?.Id), Pair(any, free).Select(c => c?.Id));
        }
    }

    [Fact]
    public void Six_any_subject_conditions_against_forty_courses_are_paired_without_trying_every_pairing()
    {
        // Trying every pairing would be 41^6 (4.75 billion). Courses 1–34 are U; 35–40 have A*, A, A, B, B, C:
        // "A, A, A, B, B, B in any subject" can meet five at best (only five results reach B) and miss one. Of the
        // pairings that do, the first in course order gives the first A course 1 (U, missed), the other two A 35 and 36
        // (A* and A), and the three B 37, 38 and 39 (an A meets a B).
        var free = Enumerable.Range(1, 40).Select(id => new Course(id, $"Course {id}", ALevel, id switch
        {
            35 => "A*",
            36 or 37 => "A",
            38 or 39 => "B",
            40 => "C",
            _ => "U",
        })).ToList();
        Condition[] any = [new(null, "A"), new(null, "A"), new(null, "A"), new(null, "B"), new(null, "B"), new(null, "B")];
        var pairing = Pair(any, free);
        Assert.Equal([1, 35, 36, 37, 38, 39], pairing.Select(c => c?.Id));
        var r = Evaluate(any, free);
        Assert.Equal(Verdict.Missed, r.Verdict);
        Assert.Equal("A in any other subject: Course 1 U — missed", r.Lines[0].Words);
        Assert.Equal(5, r.Lines.Count(l => l.Met));
    }
}
