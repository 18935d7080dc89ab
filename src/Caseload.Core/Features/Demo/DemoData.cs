using System.Globalization;
using Caseload.Core.Domain;
using Caseload.Core.Features.Attendance;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Rules;
using CsvHelper;

namespace Caseload.Core.Features.Demo;

/// <summary>
/// Builds a believable sixth-form college as import files, deterministically from a seed and a date. Pure: no
/// database, so it can be tested on its own and its output imported through the same path as a school's files.
/// </summary>
public static class DemoData
{
    public sealed record Files(IReadOnlyDictionary<string, string> Csv, IReadOnlyList<Contact> Contacts,
        IReadOnlyDictionary<string, string> ProgressLeaders, DateOnly TermStart, DateOnly TermEnd);

    public sealed record Contact(string StudentId, string Name, string Relationship, string Phone, string Email, int Priority,
        string? Address = null, bool LivesWithStudent = false, bool NoContact = false, string? PreferredMethod = null);

    /// <summary>The import order: each kind refers only to what came before it.</summary>
    public static readonly string[] Order = ["staff", "tutor-groups", "students", "enrolments", "attendance", "grades", "behaviour"];

    private enum Pattern { Steady, Declining, Persistent, Severe }

    private sealed record Subject(string Code, string Name, string Qualification, string Scale, int[] Blocks, string TeacherId);

    private sealed class Pupil
    {
        public required string Id { get; init; }
        public required int Year { get; init; }
        public required decimal Prior { get; init; }
        public required Pattern Pattern { get; init; }
        public required double Rate { get; init; }
        public required double Drop { get; init; }
        public required double LateRate { get; init; }
        public List<Subject> Subjects { get; } = [];
        /// <summary>Each course's latest grade against its target as drawn (before the scale's ends), for the outcomes.</summary>
        public List<int> Margins { get; } = [];
        /// <summary>Disadvantaged, SEND, looked after, young carer: how many (for the outcomes).</summary>
        public int Flags { get; set; }
    }

    public static Files Build(int students, int seed, DateOnly today, bool fullYear = false)
    {
        var rng = new Random(seed);
        var (termStart, termEnd) = fullYear ? Year(today) : Term(today);
        var csv = new Dictionary<string, string>();

        // Staff: every role, tutors enough for caseloads of about 150–180.
        var staff = new List<(string Id, string First, string Last, string Roles)>();
        string AddStaff(string roles)
        {
            var id = $"T{staff.Count + 101:000}";
            staff.Add((id, Pick(rng, DemoNames.Given), Pick(rng, DemoNames.Family), roles));
            return id;
        }
        AddStaff($"{Roles.Administrator};{Roles.StudentServices}");
        AddStaff(Roles.SeniorLeader);
        AddStaff($"{Roles.SeniorLeader};{Roles.SafeguardingLead}");
        var leaders = new Dictionary<string, string> { ["12"] = AddStaff(Roles.ProgressLeader), ["13"] = AddStaff(Roles.ProgressLeader) };
        var seniors = Enumerable.Range(0, Math.Max(1, students / 400)).Select(_ => AddStaff($"{Roles.SeniorTutor};{Roles.Tutor}")).ToList();
        var tutors = Enumerable.Range(0, Math.Max(2, students / 170)).Select(_ => AddStaff(Roles.Tutor)).ToList();
        AddStaff(Roles.SafeguardingLead);
        AddStaff(Roles.Wellbeing);
        AddStaff(Roles.LearningSupport);
        AddStaff(Roles.Careers);
        AddStaff(Roles.StudentServices);

        var subjects = Subjects(rng, AddStaff);
        // A counsellor (in the wellbeing team too), named without drawing from the generator so the rest of the demo stays as it was.
        staff.Add(($"T{staff.Count + 101:000}", "Nadia", "Okonjo", $"{Roles.Wellbeing};{Roles.Counsellor}"));
        csv["staff"] = Write(["staff_id", "first_name", "last_name", "email", "roles"],
            staff.Select(s => new[] { s.Id, s.First, s.Last, $"{s.First}.{s.Last}.{s.Id}@riverside.example".Replace("'", "").Replace(' ', '-').ToLowerInvariant(), s.Roles }));

        // Tutor groups of about 24; each senior tutor keeps one group, tutors share the rest.
        var pupils = new List<Pupil>();
        var groups = new List<(string Code, string Year, string Tutor, string Senior)>();
        var groupOf = new Dictionary<string, string>();
        var perYear = new[] { (students + 1) / 2, students / 2 };
        var startYear = AcademicCalendar.StartYearOf(termStart);
        var rows = new List<string[]>();
        for (var y = 0; y < 2; y++)
        {
            var year = 12 + y;
            var count = perYear[y];
            var groupCount = Math.Max(1, (int)Math.Ceiling(count / 24.0));
            for (var g = 0; g < groupCount; g++)
            {
                var teacherSlot = groups.Count;
                var tutor = teacherSlot < seniors.Count ? seniors[teacherSlot] : tutors[(teacherSlot - seniors.Count) % tutors.Count];
                // Tutors are spread across the senior tutors' teams; a senior tutor's own group is in their own team.
                var tutorIndex = tutors.IndexOf(tutor);
                var senior = tutorIndex >= 0 ? seniors[tutorIndex % seniors.Count] : tutor;
                groups.Add(($"{year}{(char)('A' + g % 26)}{(g / 26 == 0 ? "" : (g / 26 + 1).ToString(CultureInfo.InvariantCulture))}", year.ToString(CultureInfo.InvariantCulture), tutor, senior));
            }
            var yearGroups = groups.Where(x => x.Year == year.ToString(CultureInfo.InvariantCulture)).ToList();
            for (var i = 0; i < count; i++)
            {
                var id = $"S{26000 + pupils.Count * 7 + rng.Next(7):000000}";
                var pattern = Roll(rng, (0.78, Pattern.Steady), (0.10, Pattern.Declining), (0.09, Pattern.Persistent), (0.03, Pattern.Severe));
                var rate = pattern switch
                {
                    Pattern.Steady => Between(rng, 0.925, 0.998),
                    Pattern.Declining => Between(rng, 0.93, 0.99),
                    Pattern.Persistent => Between(rng, 0.72, 0.88),
                    _ => Between(rng, 0.30, 0.50),
                };
                var prior = Math.Round((decimal)Math.Clamp(Normal(rng, 5.9, 0.9), 3.8, 8.9), 2);
                var pupil = new Pupil
                {
                    Id = id,
                    Year = year,
                    Prior = prior,
                    Pattern = pattern,
                    Rate = rate,
                    Drop = pattern == Pattern.Declining ? Between(rng, 0.15, 0.30) : 0,
                    LateRate = Between(rng, 0.005, pattern == Pattern.Steady ? 0.04 : 0.09),
                };
                pupils.Add(pupil);
                ChooseSubjects(rng, pupil, subjects);
                var group = yearGroups[i * yearGroups.Count / count].Code;
                groupOf[id] = group;
                var born = new DateOnly(startYear - year - 5, 9, 1).AddDays(rng.Next(365));
                var first = Pick(rng, DemoNames.Given);
                string[] row = [id, first, Pick(rng, DemoNames.Family), born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    year.ToString(CultureInfo.InvariantCulture), group, Flag(rng, 0.22), Flag(rng, 0.12), Flag(rng, 0.02),
                    Flag(rng, 0.01), Flag(rng, 0.03), Flag(rng, 0.15), prior >= 7.5m ? "Y" : "N",
                    prior.ToString(CultureInfo.InvariantCulture), Pick(rng, ["F", "M", "F", "M", "X"]),
                    rng.NextDouble() < 0.15 ? Pick(rng, DemoNames.Given) : "", Uln(rng)];
                pupil.Flags = new[] { 6, 7, 9, 10 }.Count(c => row[c] == "Y");
                rows.Add(row);
            }
        }
        csv["tutor-groups"] = Write(["tutor_group", "year_group", "tutor_staff_id", "senior_tutor_staff_id"],
            groups.Select(g => new[] { g.Code, g.Year, g.Tutor, g.Senior == g.Tutor ? "" : g.Senior }));
        csv["students"] = Write(["student_id", "first_name", "last_name", "date_of_birth", "year_group", "tutor_group",
            "disadvantaged", "send", "ehcp", "looked_after", "young_carer", "eal", "most_able", "prior_attainment", "gender",
            "preferred_name", "uln"], rows);

        // Teaching groups of at most 22 a year, as timetables make them: "12MAT1", "12MAT2", "13BUS1".
        var placed = new Dictionary<(string, int), int>();
        string TeachingGroup(Pupil p, Subject s)
        {
            var n = placed[(s.Code, p.Year)] = placed.GetValueOrDefault((s.Code, p.Year)) + 1;
            return $"{p.Year}{s.Code[2..]}{((n - 1) / 22) + 1}";
        }
        // Planned hours a year: 180 for each option block a course fills (three blocks, 540 hours, is full time).
        csv["enrolments"] = Write(["student_id", "course_code", "course_name", "qualification", "grade_scale", "target_grade", "teacher_staff_id", "start_date", "teaching_group", "planned_hours"],
            pupils.SelectMany(p => p.Subjects.Select(s => new[] { p.Id, s.Code, s.Name, s.Qualification, s.Scale, Target(s.Scale, p.Prior), s.TeacherId, termStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TeachingGroup(p, s),
                (s.Blocks.Length * 180).ToString(CultureInfo.InvariantCulture) })));

        csv["attendance"] = Attendance(rng, pupils, termStart, termEnd);
        csv["grades"] = Grades(rng, seed, pupils, termStart, termEnd);
        csv["behaviour"] = Behaviour(rng, pupils, staff.Select(s => s.Id).ToList(), termStart, termEnd);

        var contacts = new List<Contact>();
        foreach (var p in pupils)
        {
            var n = rng.NextDouble() < 0.6 ? 2 : 1;
            var home = $"{rng.Next(1, 120)} {Pick(rng, DemoNames.Streets)}\nHollingford\nZZ{rng.Next(1, 10)} {rng.Next(1, 10)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}";
            for (var c = 1; c <= n; c++)
            {
                // A second parent lives elsewhere now and then; one in fifty is not to be contacted (a court order).
                var apart = c == 2 && rng.NextDouble() < 0.3;
                var noContact = apart && rng.NextDouble() < 0.07;
                var address = apart ? $"{rng.Next(1, 120)} {Pick(rng, DemoNames.Streets)}\nHollingford\nZZ{rng.Next(1, 10)} {rng.Next(1, 10)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}" : home;
                var first = Pick(rng, DemoNames.Given);
                var last = Pick(rng, DemoNames.Family);
                // 07700 900xxx is Ofcom's range for drama: never a real number.
                contacts.Add(new Contact(p.Id, $"{first} {last}", Pick(rng, DemoNames.Relationships),
                    $"07700 900{rng.Next(1000):000}", $"{first}.{last}@example.com".Replace("'", "").ToLowerInvariant(), c,
                    address, !apart, noContact, c == 1 ? StudentContact.Methods[rng.Next(StudentContact.Methods.Length)] : null));
            }
        }
        csv["outcomes"] = Outcomes(seed, pupils);
        return new Files(csv, contacts, leaders, termStart, termEnd);
    }

    /// <summary>
    /// The demo's term: the autumn term of the academic year containing <paramref name="today"/>, up to the last
    /// school day before today; if that gives fewer than three weeks, the previous autumn term.
    /// </summary>
    public static (DateOnly Start, DateOnly End) Term(DateOnly today)
    {
        var year = AcademicCalendar.StartYearOf(today);
        var start = FirstMonday(new DateOnly(year, 9, 3));
        var end = Min(today.AddDays(-1), new DateOnly(year, 12, 18));
        if (end < start.AddDays(20))
        {
            start = FirstMonday(new DateOnly(year - 1, 9, 3));
            end = new DateOnly(year - 1, 12, 18);
        }
        return (start, end);
    }

    /// <summary>
    /// The whole academic year containing <paramref name="today"/> up to the last school day before it (at most to 20
    /// July); if that gives fewer than three weeks, the whole previous year. For benchmarks: about 38 school weeks.
    /// </summary>
    public static (DateOnly Start, DateOnly End) Year(DateOnly today)
    {
        var year = AcademicCalendar.StartYearOf(today);
        var start = FirstMonday(new DateOnly(year, 9, 3));
        var end = Min(today.AddDays(-1), new DateOnly(year + 1, 7, 20));
        if (end < start.AddDays(20))
        {
            start = FirstMonday(new DateOnly(year - 1, 9, 3));
            end = new DateOnly(year, 7, 20);
        }
        return (start, end);
    }

    private static DateOnly FirstMonday(DateOnly d) => d.AddDays(((int)DayOfWeek.Monday - (int)d.DayOfWeek + 7) % 7);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// School holidays, roughly as English colleges keep them: half-terms (the weeks containing 28 October, 17 February
    /// and 28 May), Christmas (19 December to 4 January) and Easter (the weeks containing 1 and 8 April).
    /// </summary>
    private static bool IsHoliday(DateOnly d)
    {
        bool WeekOf(int month, int day) => Weeks.StartOf(d) == Weeks.StartOf(new DateOnly(d.Year, month, day));
        return WeekOf(10, 28) || WeekOf(2, 17) || WeekOf(5, 28) || WeekOf(4, 1) || WeekOf(4, 8)
            || (d.Month == 12 && d.Day >= 19) || (d.Month == 1 && d.Day <= 4);
    }

    private static List<Subject> Subjects(Random rng, Func<string, string> addStaff)
    {
        (string Code, string Name)[] alevels =
        [
            ("ALMAT", "Mathematics"), ("ALFMA", "Further Mathematics"), ("ALBIO", "Biology"), ("ALCHE", "Chemistry"),
            ("ALPHY", "Physics"), ("ALPSY", "Psychology"), ("ALSOC", "Sociology"), ("ALENG", "English Literature"),
            ("ALHIS", "History"), ("ALGEO", "Geography"), ("ALECO", "Economics"), ("ALCSC", "Computer Science"),
            ("ALART", "Art and Design"), ("ALLAW", "Law"), ("ALPOL", "Politics"), ("ALSPA", "Spanish"),
        ];
        var list = new List<Subject>();
        for (var i = 0; i < alevels.Length; i++)
        {
            // Teachers: one per subject, some teaching two.
            var teacher = i % 4 == 3 ? list[i - 1].TeacherId : addStaff(Roles.SubjectTeacher);
            list.Add(new Subject(alevels[i].Code, alevels[i].Name, "A level", "A-LEVEL", [i % 5], teacher));
        }
        list.Add(new Subject("BTBUS", "Business (Extended Diploma)", "BTEC National Extended Diploma", "BTEC-ED", [0, 1, 2], addStaff(Roles.SubjectTeacher)));
        list.Add(new Subject("BTSPO", "Sport (Extended Diploma)", "BTEC National Extended Diploma", "BTEC-ED", [2, 3, 4], addStaff(Roles.SubjectTeacher)));
        list.Add(new Subject("BTHSC", "Health and Social Care (Extended Certificate)", "BTEC National Extended Certificate", "BTEC-EC", [3], addStaff(Roles.SubjectTeacher)));
        list.Add(new Subject("BTIT", "Information Technology (Diploma)", "BTEC National Diploma", "BTEC-DIP", [0, 4], addStaff($"{Roles.SubjectTeacher};{Roles.Tutor}")));
        return list;
    }

    private static void ChooseSubjects(Random rng, Pupil p, List<Subject> subjects)
    {
        var used = new HashSet<int>();
        if (rng.NextDouble() < 0.2)
        {
            var btec = Pick(rng, subjects.Where(s => s.Scale is "BTEC-ED" or "BTEC-DIP").ToArray());
            p.Subjects.Add(btec);
            used.UnionWith(btec.Blocks);
        }
        var attempts = 0;
        while (used.Count < 3 && attempts++ < 100)
        {
            var s = subjects[rng.Next(subjects.Count)];
            if (!p.Subjects.Contains(s) && !s.Blocks.Any(used.Contains) && (s.Code != "ALFMA" || p.Prior > 6.8m))
            {
                p.Subjects.Add(s);
                used.UnionWith(s.Blocks);
            }
        }
    }

    private static string Target(string scale, decimal prior)
    {
        var grades = scale switch
        {
            "A-LEVEL" => new[] { "E", "D", "C", "B", "A", "A*" },
            "BTEC-ED" => ["PPP", "MPP", "MMP", "MMM", "DMM", "DDM", "DDD", "D*DD", "D*D*D", "D*D*D*"],
            "BTEC-DIP" => ["PP", "MP", "MM", "DM", "DD", "D*D", "D*D*"],
            _ => ["P", "M", "D", "D*"],
        };
        var position = Math.Clamp((double)(prior - 4.3m) / 4.2, 0, 0.999);
        return grades[(int)(position * grades.Length)];
    }

    // Each option block meets five times a week, at a different period each day.
    private static IEnumerable<(DayOfWeek Day, string Period)> Slots(int block) =>
        Enumerable.Range(0, 5).Select(d => ((DayOfWeek)(d + 1), $"P{(block + d) % 5 + 1}"));

    private static string Attendance(Random rng, List<Pupil> pupils, DateOnly start, DateOnly end)
    {
        var days = new List<DateOnly>();
        for (var d = start; d <= end; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(d))
            {
                days.Add(d);
            }
        }
        var span = Math.Max(1, end.DayNumber - start.DayNumber);
        var tripDay = days[days.Count / 3];
        var sb = new StringWriter(CultureInfo.InvariantCulture);
        using var w = new CsvWriter(sb, CultureInfo.InvariantCulture);
        foreach (var h in new[] { "student_id", "date", "session", "code", "minutes_late" })
        {
            w.WriteField(h);
        }
        w.NextRecord();
        foreach (var p in pupils)
        {
            var slots = p.Subjects.SelectMany(s => s.Blocks.SelectMany(Slots).Select(x => (x.Day, x.Period, Subject: s))).ToList();
            foreach (var day in days)
            {
                var progress = (day.DayNumber - start.DayNumber) / (double)span;
                var rate = p.Rate - p.Drop * progress;
                var absentDay = rng.NextDouble() < (1 - rate) * 0.8;
                var reason = AbsenceCode(rng, p, end.DayNumber - day.DayNumber);
                foreach (var slot in slots.Where(x => x.Day == day.DayOfWeek))
                {
                    string code;
                    int? late = null;
                    if (day == tripDay && slot.Subject.Code is "ALGEO" or "ALBIO")
                    {
                        code = "V";
                    }
                    else if (absentDay || rng.NextDouble() < (1 - rate) * 0.2)
                    {
                        code = absentDay ? reason : AbsenceCode(rng, p, end.DayNumber - day.DayNumber);
                    }
                    else if (rng.NextDouble() < p.LateRate * (day.DayOfWeek == DayOfWeek.Monday && slot.Period == "P1" ? 6 : 1))
                    {
                        var afterClose = rng.NextDouble() < 0.12;
                        code = afterClose ? "U" : "L";
                        late = afterClose ? rng.Next(20, 46) : rng.Next(2, 16);
                    }
                    else
                    {
                        code = "/";
                    }
                    w.WriteField(p.Id);
                    w.WriteField(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteField(slot.Period);
                    w.WriteField(code);
                    w.WriteField(late?.ToString(CultureInfo.InvariantCulture) ?? "");
                    w.NextRecord();
                }
            }
        }
        w.Flush();
        return sb.ToString();
    }

    private static string AbsenceCode(Random rng, Pupil p, int daysAgo)
    {
        var unauthorisedShare = p.Pattern is Pattern.Steady ? 0.25 : 0.55;
        if (rng.NextDouble() < unauthorisedShare)
        {
            if (daysAgo <= 6 && rng.NextDouble() < 0.6)
            {
                return "N"; // this week's absences: no reason yet
            }
            // Older ones have mostly been chased up (O, G); a few were forgotten and are still N: the tutor's task.
            var older = rng.NextDouble();
            return older < 0.83 ? "O" : older < 0.85 ? "N" : "G";
        }
        return Roll(rng, (0.7, "I"), (0.2, "M"), (0.05, "C"), (0.05, "J1"));
    }

    private static string Grades(Random rng, int seed, List<Pupil> pupils, DateOnly start, DateOnly end)
    {
        var span = end.DayNumber - start.DayNumber;
        // Three data points spread over the range: a term's three half-termly drops, or a year's one a term.
        var names = span > 200 ? new[] { "Autumn", "Spring", "Summer" } : ["Autumn 1", "Autumn 2", "Autumn 3"];
        var points = new[] { (names[0], start.AddDays(span / 3)), (names[1], start.AddDays(2 * span / 3)), (names[2], end) };
        var rows = new List<string[]>();
        foreach (var p in pupils)
        {
            // Each student's grades come from a stream of their own (the seed and their id), so that how they do — and the
            // invented outcomes drawn from it — is the same whatever the day the demo is made; the shared stream is still
            // drawn from as before, so the files after this one do not change.
            var own = new Random(unchecked(seed * 7919 + int.Parse(p.Id.AsSpan(1), CultureInfo.InvariantCulture)));
            foreach (var s in p.Subjects)
            {
                var scale = ScaleGrades(s.Scale);
                var target = Array.IndexOf(scale, Target(s.Scale, p.Prior));
                Roll(rng, (0.15, 1), (0.5, 0), (0.25, -1), (0.10, -2));
                var offset = Roll(own, (0.15, 1), (0.5, 0), (0.25, -1), (0.10, -2)) - (p.Pattern == Pattern.Steady ? 0 : 1);
                for (var i = 0; i < points.Length; i++)
                {
                    _ = p.Pattern == Pattern.Declining ? 0 : rng.Next(-1, 2) * (rng.NextDouble() < 0.3 ? 1 : 0);
                    var drift = p.Pattern == Pattern.Declining ? -i : own.Next(-1, 2) * (own.NextDouble() < 0.3 ? 1 : 0);
                    var rank = Math.Clamp(target + offset + drift, 0, scale.Length - 1);
                    if (i == points.Length - 1)
                    {
                        p.Margins.Add(offset + drift);
                    }
                    rows.Add([p.Id, s.Code, points[i].Item1, scale[rank], points[i].Item2.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
                }
            }
        }
        return Write(["student_id", "course_code", "data_point", "grade", "date"], rows);
    }

    private static string[] ScaleGrades(string scale) => scale switch
    {
        "A-LEVEL" => ["U", "E", "D", "C", "B", "A", "A*"],
        "BTEC-ED" => ["U", "PPP", "MPP", "MMP", "MMM", "DMM", "DDM", "DDD", "D*DD", "D*D*D", "D*D*D*"],
        "BTEC-DIP" => ["U", "PP", "MP", "MM", "DM", "DD", "D*D", "D*D*"],
        _ => ["U", "P", "M", "D", "D*"],
    };

    private static string Behaviour(Random rng, List<Pupil> pupils, List<string> staff, DateOnly start, DateOnly end)
    {
        (string Category, int Points, string Description)[] negative =
        [
            ("Late to lesson", -1, "Arrived late without a reason"), ("Homework not done", -1, "Homework not handed in"),
            ("Disruption", -2, "Talking over the teacher, moved seat"), ("Mobile phone", -1, "Phone out in lesson"),
            ("No ID badge", -1, "Came in without an ID badge"), ("Defiance", -3, "Refused to follow a reasonable instruction"),
            ("Bullying", -3, "Unkind messages to another student; both spoken to"), ("Racist incident", -3, "Racist remark in the corridor; reported to the progress leader"),
        ];
        (string Category, int Points, string Description)[] positive =
        [
            ("Excellent work", 2, "Outstanding essay"), ("Effort", 1, "Real effort in class"), ("Helping others", 1, "Helped a classmate catch up"),
            ("Attendance", 1, "Full attendance this half term"), ("Contribution", 2, "Led a revision session"),
        ];
        var span = end.DayNumber - start.DayNumber;
        var rows = new List<string[]>();
        foreach (var p in pupils)
        {
            var badMean = p.Pattern switch { Pattern.Steady => 0.8, Pattern.Declining => 3.0, Pattern.Persistent => 3.5, _ => 2.0 };
            var goodMean = p.Pattern == Pattern.Steady ? 2.0 : 0.8;
            foreach (var (mean, bank) in new[] { (badMean, negative), (goodMean, positive) })
            {
                var n = Poisson(rng, mean);
                for (var i = 0; i < n; i++)
                {
                    var e = bank[Math.Min(bank.Length - 1, (int)(Math.Pow(rng.NextDouble(), 1.8) * bank.Length))];
                    var date = start.AddDays(rng.Next(span + 1));
                    if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    {
                        date = date.AddDays(date.DayOfWeek == DayOfWeek.Saturday ? -1 : 1);
                    }
                    rows.Add([p.Id, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Points > 0 ? "positive" : "negative",
                        e.Category, e.Points.ToString(CultureInfo.InvariantCulture), e.Description, staff[rng.Next(5, staff.Count)]]);
                }
            }
        }
        return Write(["student_id", "date", "type", "category", "points", "description", "staff_id"], rows);
    }

    /// <summary>
    /// How the year might end for each student (<c>student_id, outcome</c>), for trying out <c>caseload risk evaluate</c>
    /// and <c>risk fit</c>: drawn from each student's hidden circumstances — never from the risk score — with strengths
    /// like those in real colleges' data: grades against target strongest, attendance next, lateness and low prior
    /// attainment a little, flags weakly. The chance of withdrawing or failing is 1 / (1 + e^−z), where
    /// z = −3.9 − 1.3 × (the mean of the latest grades against target) + 9 × (95% − attendance, when below) + 8 × the late
    /// rate + 0.5 when prior attainment is under 5 + 0.15 for each flag. Its own random stream, so the other files do not
    /// change with it. The default demo's file is shipped as samples/outcomes.csv.
    /// </summary>
    private static string Outcomes(int seed, List<Pupil> pupils)
    {
        var rng = new Random(seed ^ 0x5eed);
        return Write(["student_id", "outcome"], pupils.Select(p =>
        {
            var margin = p.Margins.Count == 0 ? 0 : p.Margins.Average();
            var z = -3.9 - 1.3 * margin + 9 * Math.Max(0, 0.95 - p.Rate) + 8 * p.LateRate + (p.Prior < 5m ? 0.5 : 0) + 0.15 * p.Flags;
            var bad = 1 / (1 + Math.Exp(-z));
            var roll = rng.NextDouble();
            return new[] { p.Id, roll < bad * 0.6 ? "withdrawn" : roll < bad ? "failed" : "completed" };
        }));
    }

    private static string Write(string[] header, IEnumerable<string[]> rows)
    {
        var sb = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new CsvWriter(sb, CultureInfo.InvariantCulture))
        {
            foreach (var h in header)
            {
                w.WriteField(h);
            }
            w.NextRecord();
            foreach (var row in rows)
            {
                foreach (var f in row)
                {
                    w.WriteField(f);
                }
                w.NextRecord();
            }
        }
        return sb.ToString();
    }

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    private static T Roll<T>(Random rng, params (double P, T Value)[] options)
    {
        var x = rng.NextDouble();
        foreach (var (p, v) in options)
        {
            if ((x -= p) < 0)
            {
                return v;
            }
        }
        return options[^1].Value;
    }

    private static double Between(Random rng, double lo, double hi) => lo + rng.NextDouble() * (hi - lo);

    private static double Normal(Random rng, double mean, double sd) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static int Poisson(Random rng, double mean)
    {
        var (l, k, p) = (Math.Exp(-mean), 0, 1.0);
        while ((p *= rng.NextDouble()) > l)
        {
            k++;
        }
        return k;
    }

    private static string Flag(Random rng, double p) => rng.NextDouble() < p ? "Y" : "N";

    private static string Uln(Random rng) => $"{rng.Next(10000, 99999)}{rng.Next(10000, 99999)}";
}
