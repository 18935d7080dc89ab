using System.Globalization;
using Caseload.Core.Domain;

namespace Caseload.Core.Rules;

/// <summary>
/// Attendance over any period — a week, a term, a year, any range of dates — and every figure derived from it, by
/// the DfE's rules (UK-FACTS.md): only possible sessions count (present, approved educational activity, authorised
/// and unauthorised absence; codes such as <c>D</c>, <c>X</c>, <c>Y1</c>–<c>Y7</c> are not possible sessions); attendance
/// is present plus approved activity over possible; a late after the register closed (<c>U</c>) is an unauthorised
/// absence and a late; persistent absence is 10% or more of possible sessions missed, severe absence 50% or more (and
/// a severe absentee is a persistent absentee too). Every page, the API and exports take their figures from here.
/// </summary>
public sealed record AttendanceFigures(
    int Possible, int Present, int ApprovedActivity, int AuthorisedAbsence, int UnauthorisedAbsence,
    int Lates, int LatesAfterClose, int MinutesLate)
{
    public static readonly AttendanceFigures Empty = new(0, 0, 0, 0, 0, 0, 0, 0);

    public int Attended => Present + ApprovedActivity;
    public int Absent => AuthorisedAbsence + UnauthorisedAbsence;
    /// <summary>Late before the register closed (<c>L</c>): present, but late.</summary>
    public int LatesBeforeClose => Lates - LatesAfterClose;

    /// <summary>Attendance as a percentage of possible sessions, one decimal place (half away from zero); null with none possible.</summary>
    public decimal? AttendancePercent => Percent(Attended);
    public decimal? AbsencePercent => Percent(Absent);
    public decimal? AuthorisedPercent => Percent(AuthorisedAbsence);
    public decimal? UnauthorisedPercent => Percent(UnauthorisedAbsence);

    /// <summary>Missed 10% or more of possible sessions (exactly, not after rounding).</summary>
    public bool PersistentAbsence => Possible > 0 && Absent * 10 >= Possible;

    /// <summary>Missed 50% or more of possible sessions; always also <see cref="PersistentAbsence"/>.</summary>
    public bool SevereAbsence => Possible > 0 && Absent * 2 >= Possible;

    public static AttendanceFigures operator +(AttendanceFigures a, AttendanceFigures b) => new(
        a.Possible + b.Possible, a.Present + b.Present, a.ApprovedActivity + b.ApprovedActivity,
        a.AuthorisedAbsence + b.AuthorisedAbsence, a.UnauthorisedAbsence + b.UnauthorisedAbsence,
        a.Lates + b.Lates, a.LatesAfterClose + b.LatesAfterClose, a.MinutesLate + b.MinutesLate);

    public static AttendanceFigures Sum(IEnumerable<AttendanceFigures> figures) => figures.Aggregate(Empty, (a, b) => a + b);

    /// <summary>A stored weekly summary's figures.</summary>
    public static AttendanceFigures Of(AttendanceWeek w) => new(w.Possible, w.Present, w.ApprovedActivity,
        w.AuthorisedAbsence, w.UnauthorisedAbsence, w.Lates, w.LatesAfterClose, w.MinutesLate);

    /// <summary>The weekly summaries falling in [<paramref name="from"/>, <paramref name="to"/>] (by week start).</summary>
    public static AttendanceFigures Of(IEnumerable<AttendanceWeek> weeks, DateOnly from, DateOnly to) =>
        Sum(weeks.Where(w => w.WeekStart >= from && w.WeekStart <= to).Select(Of));

    /// <summary>
    /// The figures of raw marks, classified by an institution's code table: the rule written out, for any range of
    /// dates, and the reference the stored weekly summaries are tested against. A code missing from the table counts
    /// nowhere (the import refuses such codes; a code deleted later leaves its marks unclassified).
    /// </summary>
    public static AttendanceFigures OfMarks(IEnumerable<(string Code, int? MinutesLate)> marks, IReadOnlyDictionary<string, AttendanceCode> codes)
    {
        int possible = 0, present = 0, approved = 0, authorised = 0, unauthorised = 0, lates = 0, afterClose = 0, minutes = 0;
        foreach (var (code, late) in marks)
        {
            if (!codes.TryGetValue(code, out var c))
            {
                continue;
            }
            possible += c.Meaning.IsPossible() ? 1 : 0;
            present += c.Meaning == AttendanceMeaning.Present ? 1 : 0;
            approved += c.Meaning == AttendanceMeaning.ApprovedActivity ? 1 : 0;
            authorised += c.Meaning == AttendanceMeaning.AuthorisedAbsence ? 1 : 0;
            unauthorised += c.Meaning == AttendanceMeaning.UnauthorisedAbsence ? 1 : 0;
            lates += c.IsLate ? 1 : 0;
            afterClose += c.IsLate && c.Meaning == AttendanceMeaning.UnauthorisedAbsence ? 1 : 0;
            minutes += late ?? 0;
        }
        return new(possible, present, approved, authorised, unauthorised, lates, afterClose, minutes);
    }

    /// <summary>
    /// Percentage points of change between two periods' attendance (e.g. the last four weeks against the four before);
    /// null when either has no possible sessions.
    /// </summary>
    public static decimal? Trend(AttendanceFigures recent, AttendanceFigures before) =>
        recent.AttendancePercent is { } r && before.AttendancePercent is { } b ? r - b : null;

    private decimal? Percent(int part) => Possible == 0 ? null : Math.Round(100m * part / Possible, 1, MidpointRounding.AwayFromZero);
}

/// <summary>An attendance band, for colour and for words.</summary>
public enum AttendanceBand
{
    None,
    Good,
    Watch,
    Low,
}

/// <summary>
/// Where an institution draws its attendance bands: by default 95% and over good, 90% to 95% to watch, under 90% low
/// (the persistent-absence line).
/// </summary>
public sealed record AttendanceBands(decimal GoodFrom = 95m, decimal WatchFrom = 90m)
{
    public static readonly AttendanceBands Default = new();

    public AttendanceBand Of(decimal? percent) => percent switch
    {
        null => AttendanceBand.None,
        _ when percent >= GoodFrom => AttendanceBand.Good,
        _ when percent >= WatchFrom => AttendanceBand.Watch,
        _ => AttendanceBand.Low,
    };

    /// <summary>Refuses bands that cannot work: each from 0 to 100, the good band above the watch band.</summary>
    public static AttendanceBands Create(decimal goodFrom, decimal watchFrom)
    {
        if (goodFrom is < 0 or > 100 || watchFrom is < 0 or > 100)
        {
            throw new ValidationException(string.Create(CultureInfo.InvariantCulture,
                $"attendance bands are percentages from 0 to 100; got good from {goodFrom:0.##}, watch from {watchFrom:0.##}"));
        }
        if (watchFrom >= goodFrom)
        {
            throw new ValidationException(string.Create(CultureInfo.InvariantCulture,
                $"the watch band must start below the good band; got good from {goodFrom:0.##}, watch from {watchFrom:0.##}"));
        }
        return new AttendanceBands(goodFrom, watchFrom);
    }
}
