namespace Caseload.Core.Rules;

/// <summary>
/// Whether a student's results meet an offer's grade conditions (decision 0022): each condition is a grade in a named course
/// ("A in Mathematics") or in any other course ("B in any subject"). A result meets a condition when it is at or above the
/// grade on the course's own scale; a course meets at most one condition, and a course named by a condition does not also
/// meet an "any subject" one. The best pairing of courses to conditions is found by dynamic programming (<see cref="Pair"/>).
/// Met when the results in meet every condition; missed when no results still to come could make up the shortfall;
/// otherwise awaiting results.
/// </summary>
public static class OfferConditions
{
    public enum Verdict
    {
        AwaitingResults = 0,
        Met = 1,
        Missed = 2,
    }

    /// <summary>A condition: the grade, in the course named or (none) in any subject.</summary>
    public sealed record Condition(int? CourseId, string Grade);

    /// <summary>One of the student's courses: its scale's grades in order, best first, and the result (none yet: null).</summary>
    public sealed record Course(int Id, string Name, IReadOnlyList<string> Scale, string? Result);

    /// <summary>How one condition fared: the course that met it or fell short, and what it got.</summary>
    public sealed record Line(Condition Condition, string Words, bool Met, bool Awaiting);

    public sealed record Outcome(Verdict Verdict, IReadOnlyList<Line> Lines);

    public static Outcome Evaluate(IReadOnlyList<Condition> conditions, IReadOnlyList<Course> courses)
    {
        if (conditions.Count == 0)
        {
            return new Outcome(Verdict.Met, []);
        }
        var named = conditions.Where(c => c.CourseId is not null).ToList();
        var any = conditions.Where(c => c.CourseId is null).ToList();
        var namedIds = named.Select(c => c.CourseId!.Value).ToHashSet();
        var free = courses.Where(c => !namedIds.Contains(c.Id)).ToList();

        var best = Pair(any, free);

        var lines = new List<Line>();
        foreach (var c in named)
        {
            var course = courses.FirstOrDefault(x => x.Id == c.CourseId);
            lines.Add(LineFor(c, course, named: true));
        }
        for (var k = 0; k < any.Count; k++)
        {
            lines.Add(LineFor(any[k], best[k], named: false));
        }
        var verdict = lines.All(l => l.Met) ? Verdict.Met
            : CouldStillMeet(named, any, courses, free) ? Verdict.AwaitingResults
            : Verdict.Missed;
        return new Outcome(verdict, lines);
    }

    /// <summary>1 when the course's result meets the condition, 0 when its result is still to come, -1 when it falls short
    /// or the course cannot meet it (no course, or the grade is not on its scale).</summary>
    private static int State(Condition condition, Course? course)
    {
        if (course is null || Rank(course.Scale, condition.Grade) is not { } needed)
        {
            return -1;
        }
        if (course.Result is null)
        {
            return 0;
        }
        return Rank(course.Scale, course.Result) is { } got && got <= needed ? 1 : -1;
    }

    /// <summary>Whether results still to come could yet meet every condition (each awaited result taken as the best grade).</summary>
    private static bool CouldStillMeet(List<Condition> named, List<Condition> any, IReadOnlyList<Course> courses, List<Course> free)
    {
        static Course Hopeful(Course c) => c.Result is null && c.Scale.Count > 0 ? c with { Result = c.Scale[0] } : c;
        var hopeful = courses.Select(Hopeful).ToList();
        if (named.Any(c => State(c, hopeful.FirstOrDefault(x => x.Id == c.CourseId)) != 1))
        {
            return false;
        }
        var pairing = Pair(any, [.. free.Select(Hopeful)]);
        return pairing.Select((c, k) => State(any[k], c)).All(s => s == 1);
    }

    /// <summary>
    /// The best pairing of the "any subject" conditions to distinct free courses: most met, then fewest missed; among equal
    /// pairings the first in course order (a condition left without a course counts as missed). Found by dynamic
    /// programming over the conditions in turn and the set of courses already used — a condition's outcome depends only
    /// on its own course, so the best for the rest depends only on which courses are left: at most a few hundred thousand
    /// states for 6 conditions, where trying every pairing grew as (courses + 1)^conditions (millions for a student with a
    /// dozen courses, on every inbox). Courses after the 64th are not considered (no student takes that many).
    /// </summary>
    internal static Course?[] Pair(IReadOnlyList<Condition> any, IReadOnlyList<Course> free)
    {
        var courses = free.Take(64).ToList();
        var states = any.Select(c => courses.Select(course => State(c, course)).ToArray()).ToArray();
        var memo = new Dictionary<(int, ulong), (int Met, int Missed, int Choice)>();
        (int Met, int Missed, int Choice) Best(int i, ulong used)
        {
            if (i == any.Count)
            {
                return (0, 0, -1);
            }
            if (memo.TryGetValue((i, used), out var known))
            {
                return known;
            }
            (int Met, int Missed, int Choice)? best = null;
            // Courses in order, then none: the first of equally good pairings is kept.
            for (var j = 0; j <= courses.Count; j++)
            {
                var none = j == courses.Count;
                if (!none && (used & (1UL << j)) != 0)
                {
                    continue;
                }
                var state = none ? -1 : states[i][j];
                var rest = Best(i + 1, none ? used : used | (1UL << j));
                var (met, missed) = (rest.Met + (state == 1 ? 1 : 0), rest.Missed + (state == -1 ? 1 : 0));
                if (best is not { } b || met > b.Met || (met == b.Met && missed < b.Missed))
                {
                    best = (met, missed, none ? -1 : j);
                }
            }
            return memo[(i, used)] = best!.Value;
        }
        var pairing = new Course?[any.Count];
        var taken = 0UL;
        for (var i = 0; i < any.Count; i++)
        {
            var choice = Best(i, taken).Choice;
            if (choice >= 0)
            {
                pairing[i] = courses[choice];
                taken |= 1UL << choice;
            }
        }
        return pairing;
    }

    private static Line LineFor(Condition c, Course? course, bool named)
    {
        var state = State(c, course);
        var what = named ? $"{c.Grade} in {course?.Name ?? "a course the student no longer takes"}" : $"{c.Grade} in any other subject";
        var words = state switch
        {
            1 => $"{what}: {(named ? "" : course!.Name + " ")}{course!.Result} — met",
            0 => $"{what}: {course!.Name} result not in yet",
            _ when course is null => $"{what}: no course left to meet it",
            _ when Rank(course.Scale, c.Grade) is null => $"{what}: {c.Grade} is not a grade on {course.Name}'s scale",
            _ => $"{what}: {(named ? "" : course.Name + " ")}{course.Result} — missed",
        };
        return new Line(c, words, state == 1, state == 0);
    }

    /// <summary>A grade's place on its scale, best first (0 is the best); null when the grade is not on it.</summary>
    private static int? Rank(IReadOnlyList<string> scale, string grade)
    {
        for (var i = 0; i < scale.Count; i++)
        {
            if (string.Equals(scale[i], grade, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return null;
    }
}
