using System.Net;
using Caseload.Core.Domain;

namespace Caseload.WebTests;

/// <summary>
/// The access matrix of docs/access.md over HTTP: every page and API endpoint × every role × a related student, an
/// unrelated student of the same institution and a student of another institution. Expected answers are written out
/// here from the document, not computed by the code under test. A student one may not see is 404, never 403.
/// </summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed class AccessMatrixTests(WebApp app)
{
    private enum View { None, Academic, Pastoral }

    /// <summary>Role → what it sees of a related student, and whether it sees its whole institution.</summary>
    private static readonly Dictionary<string, (View Related, bool WholeInstitution)> Expected = new()
    {
        [Roles.Administrator] = (View.Pastoral, true),
        [Roles.SeniorLeader] = (View.Pastoral, true),
        [Roles.SafeguardingLead] = (View.Pastoral, true),
        [Roles.StudentServices] = (View.Pastoral, true),
        [Roles.ProgressLeader] = (View.Pastoral, false),
        [Roles.SeniorTutor] = (View.Pastoral, false),
        [Roles.Tutor] = (View.Pastoral, false),
        [Roles.SubjectTeacher] = (View.Academic, false),
        // These teams have no students of their own: they read the referrals sent to them (checked below), nothing more.
        [Roles.Wellbeing] = (View.None, false),
        [Roles.Counsellor] = (View.None, false),
        [Roles.LearningSupport] = (View.None, false),
        [Roles.Careers] = (View.None, false),
    };

    public static TheoryData<string> AllRoles() => [.. Roles.All];

    [Fact]
    public void Every_role_has_an_expected_row() => Assert.Equal(Roles.All.Order(), Expected.Keys.Order());

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_sees_exactly_what_the_matrix_says(string role)
    {
        var (staffId, email) = await StaffWithAsync(role);
        using var http = await Accounts.SignInAsync(app, email);
        var (expected, whole) = Expected[role];

        var related = await RelatedStudentAsync(role, staffId);
        long? unrelated = whole ? null : await UnrelatedStudentAsync(staffId);
        var other = (await app.QueryAsync<long>("SELECT s.id FROM students s JOIN institutions i ON i.id = s.institution_id WHERE i.code = 'OTHER' LIMIT 1")).Single();

        await AssertStudentAsync(http, role, related, expected);
        if (unrelated is { } u)
        {
            await AssertStudentAsync(http, role, u, View.None);
        }
        await AssertStudentAsync(http, role, other, View.None);

        // A case on the related student (opened by student services, who see everyone): its page follows the pastoral record.
        var caseId = await CaseOnAsync(related);
        var casePage = await http.GetAsync(new Uri($"/cases/{caseId}", UriKind.Relative));
        Assert.True((expected == View.Pastoral ? HttpStatusCode.OK : HttpStatusCode.NotFound) == casePage.StatusCode, $"{role} /cases/{caseId}: {casePage.StatusCode}");
        if (unrelated is { } unrelatedStudent)
        {
            var unrelatedCase = await http.GetAsync(new Uri($"/cases/{await CaseOnAsync(unrelatedStudent)}", UriKind.Relative));
            Assert.True(HttpStatusCode.NotFound == unrelatedCase.StatusCode, $"{role} case of an unrelated student: {unrelatedCase.StatusCode}");
        }

        // Referrals on the related student, raised by student services: a concern (to the tutor) and a wellbeing referral are
        // read by whoever has the student's pastoral record, the wellbeing one also by the wellbeing team; a safeguarding
        // concern by the safeguarding team alone — not administrators, not senior leaders without the role, not the tutor.
        foreach (var (category, readable) in new[]
        {
            ("Concern", expected == View.Pastoral),
            ("Wellbeing", expected == View.Pastoral || role is Roles.Wellbeing or Roles.Counsellor),
            // Student services raised it: they see its receipt (status, not the words).
            ("Safeguarding", role is Roles.SafeguardingLead or Roles.StudentServices),
        })
        {
            var referral = await ReferralOnAsync(related, category);
            var response = await http.GetAsync(new Uri($"/referrals/{referral}", UriKind.Relative));
            Assert.True((readable ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode, $"{role} {category} referral: {response.StatusCode}");
            if (readable && category == "Safeguarding")
            {
                Assert.Equal(role == Roles.SafeguardingLead, (await response.Content.ReadAsStringAsync()).Contains("Access matrix referral", StringComparison.Ordinal));
            }
        }
        // 1:1s: recording one, and a meeting's record, follow the pastoral record.
        var meeting = await MeetingOnAsync(related);
        foreach (var path in new[] { $"/students/{related}/one-to-one", $"/one-to-ones/{meeting}", $"/students/{related}/letters/attendance" })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True((expected == View.Pastoral ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode, $"{role} GET {path}: {response.StatusCode}");
        }
        if (unrelated is { } unrelatedForOneToOne)
        {
            var response = await http.GetAsync(new Uri($"/students/{unrelatedForOneToOne}/one-to-one", UriKind.Relative));
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{role} 1:1 form of an unrelated student: {response.StatusCode}");
        }

        // Pages and endpoints that are not about one student.
        var admin = role == Roles.Administrator;
        // Cohorts: anyone with students of their own; the whole institution only for those who see it whole.
        var cohorts = role is Roles.Administrator or Roles.SeniorLeader or Roles.SafeguardingLead or Roles.StudentServices
            or Roles.ProgressLeader or Roles.SeniorTutor or Roles.Tutor;
        // Data drops: teachers enter grades; administrators run them; senior staff see who has not finished.
        var dataDrops = role is Roles.SubjectTeacher or Roles.Administrator or Roles.SeniorLeader or Roles.ProgressLeader or Roles.SeniorTutor;
        var completion = role is Roles.Administrator or Roles.SeniorLeader or Roles.ProgressLeader or Roles.SeniorTutor;
        var point = (await app.QueryAsync<long>("SELECT d.id FROM data_points d JOIN institutions i ON i.id = d.institution_id AND i.code = 'DEMO' ORDER BY d.id LIMIT 1")).Single();
        var otherPoint = (await app.QueryAsync<long>("SELECT d.id FROM data_points d JOIN institutions i ON i.id = d.institution_id AND i.code = 'OTHER' ORDER BY d.id LIMIT 1")).Single();
        foreach (var (path, allowed) in new[]
        {
            ("/groups", true), ("/api", true), ("/account/two-factor", true), ("/api/v1/caseload", true),
            ("/classes", true), ("/search?q=a", true), ("/api/v1/students?q=a", true),
            // The forms of a student's page, each on its feature's page: a concern for anyone who sees the student, the rest
            // for the pastoral record.
            ($"/students/{related}/referrals/new", expected != View.None), ($"/students/{related}/safeguarding/new", expected != View.None),
            // A child's safeguarding chronology: the safeguarding team only, never another institution's child.
            ($"/students/{related}/safeguarding", role == Roles.SafeguardingLead), ($"/students/{other}/safeguarding", false), ("/safeguarding/categories", role == Roles.SafeguardingLead), ("/safeguarding/access", role == Roles.SafeguardingLead),
            ($"/students/{related}/safeguarding/break-glass", role == Roles.SeniorLeader), ($"/students/{other}/safeguarding/break-glass", false), ($"/students/{related}/safeguarding?format=csv", role == Roles.SafeguardingLead),
            // Child-protection files sent and received: the safeguarding team only.
            ($"/students/{related}/safeguarding/transfer", role == Roles.SafeguardingLead), ($"/students/{other}/safeguarding/transfer", false), ("/safeguarding/transfers", role == Roles.SafeguardingLead),
            ($"/students/{related}/cases/new", expected == View.Pastoral), ($"/students/{related}/parent-contacts/new", expected == View.Pastoral), ($"/students/{related}/contacts/new", expected == View.Pastoral),
            ($"/students/{related}/behaviour", expected == View.Pastoral), ($"/students/{related}/aspiration", expected == View.Pastoral),
            // Support plans: the pastoral record, and learning support (SEND plans of any student); never another institution's.
            ($"/students/{related}/support-plans", expected == View.Pastoral || role == Roles.LearningSupport), ($"/students/{other}/support-plans", false), ("/support-plans", true),
            // Who has looked at a record: administrators and the safeguarding lead, never for another institution's student.
            ($"/students/{related}/readers", admin || role == Roles.SafeguardingLead), ($"/students/{other}/readers", false),
            // The audit log: administrators (all but entries about safeguarding concerns), the safeguarding team (only those).
            ("/admin/audit", admin || role == Roles.SafeguardingLead), ("/admin/audit?Format=csv", admin || role == Roles.SafeguardingLead), ("/admin/two-factor", admin), ("/admin/letters", admin), ("/admin/calendar", admin), ("/cover", true),
            ("/cohorts", cohorts), ("/cohorts?level=institution&key=all", whole), ("/cohorts?level=institution&key=all&format=csv", whole),
            ("/api/v1/cohorts", cohorts), ("/api/v1/cohorts?level=institution&key=all", whole),
            ("/data-drops", dataDrops), ($"/data-drops/{point}", completion), ($"/data-drops/{otherPoint}", false),
            ("/inbox", true), ("/referrals", true), ("/one-to-ones", true), ("/attendance/today", true), ("/attendance/today?Day=2001-01-01", true),
            ("/target-bank", role is Roles.Tutor or Roles.SeniorTutor or Roles.ProgressLeader or Roles.Administrator or Roles.SeniorLeader),
            ("/behaviour/log", role is Roles.ProgressLeader or Roles.SeniorLeader or Roles.Administrator),
            ($"/behaviour/incident?studentId={related}", expected != View.None), // anyone with students of their own records incidents
            // Course changes: requested by pastoral staff and student services for a student whose pastoral record they see.
            ($"/students/{related}/course-changes/new", expected == View.Pastoral && role is Roles.Administrator or Roles.SeniorLeader or Roles.ProgressLeader or Roles.SeniorTutor or Roles.Tutor or Roles.StudentServices),
            ($"/students/{other}/course-changes/new", false), ("/course-changes", true), ("/course-changes/retention", cohorts),
            // References: drafted by tutors and senior tutors for students whose pastoral record they see; cycles by senior staff.
            ($"/students/{related}/reference", expected == View.Pastoral && role is Roles.Tutor or Roles.SeniorTutor), ($"/students/{other}/reference", false),
            ("/references", true), ("/references/cycles", role is Roles.Administrator or Roles.SeniorLeader or Roles.SeniorTutor),
            // Progression and destinations: pastoral staff and careers advisers, for students whose pastoral record they see.
            ($"/students/{related}/progression", expected == View.Pastoral && role is Roles.Tutor or Roles.SeniorTutor or Roles.ProgressLeader or Roles.Careers or Roles.SeniorLeader or Roles.Administrator),
            ($"/students/{other}/progression", false),
            ("/destinations", role is Roles.Tutor or Roles.SeniorTutor or Roles.ProgressLeader or Roles.Careers or Roles.SeniorLeader or Roles.Administrator),
            ("/destinations/results-day", role is Roles.Tutor or Roles.SeniorTutor or Roles.ProgressLeader or Roles.Careers or Roles.SeniorLeader or Roles.Administrator),
        })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode, $"{role} GET {path}: {response.StatusCode}");
        }

        // The landing page by role: the safeguarding lead's referrals, a senior leader's cohort, a progress leader's inbox,
        // My classes for staff who only teach, the wellbeing team's cases, My caseload for everyone else; and My caseload itself at /caseload.
        var home = await http.GetAsync(new Uri("/", UriKind.Relative));
        string? landing = role switch
        {
            Roles.SafeguardingLead => "/referrals",
            Roles.SeniorLeader => "/cohorts",
            Roles.ProgressLeader => "/inbox",
            Roles.SubjectTeacher => "/classes",
            Roles.Wellbeing or Roles.Counsellor => "/wellbeing",
            _ => null,
        };
        if (landing is not null)
        {
            Assert.True(HttpStatusCode.Redirect == home.StatusCode && home.Headers.Location?.OriginalString == landing, $"{role} GET /: {home.StatusCode} {home.Headers.Location}");
        }
        else
        {
            Assert.True(HttpStatusCode.OK == home.StatusCode, $"{role} GET /: {home.StatusCode}");
        }
        var caseloadPage = await http.GetAsync(new Uri("/caseload", UriKind.Relative));
        // Staff who only teach have no caseload: it sends them to their classes.
        Assert.True((role == Roles.SubjectTeacher ? HttpStatusCode.Redirect : HttpStatusCode.OK) == caseloadPage.StatusCode, $"{role} GET /caseload: {caseloadPage.StatusCode}");

        // The caseload (page and API) lists the related student only when their pastoral record is visible, never the others.
        var caseload = await http.GetStringAsync(new Uri("/api/v1/caseload", UriKind.Relative));
        Assert.Equal(expected == View.Pastoral, caseload.Contains($"\"id\":{related},", StringComparison.Ordinal));
        Assert.DoesNotContain($"\"id\":{other},", caseload, StringComparison.Ordinal);
        if (unrelated is { } v)
        {
            Assert.DoesNotContain($"\"id\":{v},", caseload, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_signing_in_pages_send_you_to_sign_in_and_the_api_answers_401_problem_details()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var student = (await app.QueryAsync<long>("SELECT id FROM students LIMIT 1")).Single();
        foreach (var path in new[] { "/", "/groups", "/api", $"/students/{student}", "/admin/audit", "/admin/two-factor", "/account/two-factor" })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path}: {response.StatusCode}");
            Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
        }
        foreach (var path in new[] { "/api/v1/caseload", $"/api/v1/students/{student}", $"/api/v1/students/{student}/attendance", $"/api/v1/students/{student}/grades" })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // The API's description holds no personal data and is public.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_range_of_dates_that_runs_backwards_is_refused_with_the_reason()
    {
        var email = (await app.QueryAsync<string>("""
            SELECT s.email FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE (SELECT GROUP_CONCAT(role) FROM staff_roles r WHERE r.staff_id = s.id) = 'tutor' ORDER BY s.id LIMIT 1
            """)).Single();
        var staff = (await app.QueryAsync<long>($"SELECT id FROM staff WHERE email = '{email}'")).Single();
        var student = await RelatedStudentAsync(Roles.Tutor, staff);
        using var http = await Accounts.SignInAsync(app, email);
        var response = await http.GetAsync(new Uri($"/api/v1/students/{student}/attendance/dates?from=2026-10-01&to=2026-09-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("the range runs from 2026-10-01 to 2026-09-01; expected 'from' on or before 'to'", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens a case on a student through the profile's form, as a member of student services; returns its id.</summary>
    private async Task<long> CaseOnAsync(long student)
    {
        var (_, email) = await StaffWithAsync(Roles.StudentServices);
        using var http = await Accounts.SignInAsync(app, email);
        var response = await Accounts.PostFormAsync(http, $"/students/{student}/cases/new",
            new() { ["CaseStage"] = "1", ["CaseReason"] = "Other", ["CaseSummary"] = "Access matrix case" }, $"/students/{student}");
        var location = response.Headers.Location?.ToString() ?? response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        return long.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Raises a referral on a student from the profile's form, as a member of student services; returns its id.</summary>
    private async Task<long> ReferralOnAsync(long student, string category)
    {
        var (_, email) = await StaffWithAsync(Roles.StudentServices);
        using var http = await Accounts.SignInAsync(app, email);
        var response = await Accounts.PostFormAsync(http, $"/students/{student}/referrals/new",
            new() { ["ReferCategory"] = category, ["ReferUrgency"] = "Routine", ["ReferWhat"] = "Access matrix referral" }, $"/students/{student}");
        var location = (response.Headers.Location?.ToString() ?? response.RequestMessage?.RequestUri?.PathAndQuery ?? "").Split('?')[0];
        return long.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records a 1:1 with a student through its form, as a member of student services; returns the meeting's id.</summary>
    private async Task<long> MeetingOnAsync(long student)
    {
        var (_, email) = await StaffWithAsync(Roles.StudentServices);
        using var http = await Accounts.SignInAsync(app, email);
        var response = await Accounts.PostFormAsync(http, $"/students/{student}/one-to-one",
            new() { ["HeldOn"] = Caseload.Tests.TestDay.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Notes"] = "Access matrix 1:1" }, $"/students/{student}/one-to-one");
        var location = (response.Headers.Location?.ToString() ?? response.RequestMessage?.RequestUri?.PathAndQuery ?? "").Split('?')[0];
        return long.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task AssertStudentAsync(HttpClient http, string role, long student, View view)
    {
        var page = await http.GetAsync(new Uri($"/students/{student}", UriKind.Relative));
        Assert.True((view == View.None ? HttpStatusCode.NotFound : HttpStatusCode.OK) == page.StatusCode, $"{role} /students/{student}: {page.StatusCode}");
        if (view != View.None)
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.True((view == View.Pastoral) == html.Contains("Attendance by week", StringComparison.Ordinal), $"{role}: attendance shown only in the pastoral view");
        }
        foreach (var (path, shown) in new[]
        {
            ($"/api/v1/students/{student}", view != View.None),
            ($"/api/v1/students/{student}/grades", view != View.None),
            ($"/api/v1/students/{student}/attendance", view == View.Pastoral),
            ($"/api/v1/students/{student}/attendance/dates?from=2026-09-01&to=2026-11-20", view == View.Pastoral),
        })
        {
            var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True((shown ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode, $"{role} GET {path}: {response.StatusCode}");
            if (!shown)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    /// <summary>A demo member of staff with the role, preferring one who holds nothing else.</summary>
    private async Task<(long Id, string Email)> StaffWithAsync(string role)
    {
        var where = $"""
            FROM staff s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role = '{role}')
              AND s.external_id NOT LIKE 'X%' -- staff other tests made (WebApp.NewStaffAsync) have passwords of their own
            ORDER BY (SELECT COUNT(*) FROM staff_roles r WHERE r.staff_id = s.id), s.id LIMIT 1
            """;
        var id = (await app.QueryAsync<long>($"SELECT s.id {where}")).Single();
        var email = (await app.QueryAsync<string>($"SELECT s.email {where}")).Single();
        return (id, email);
    }

    private async Task<long> RelatedStudentAsync(string role, long staff)
    {
        var demo = "(SELECT id FROM institutions WHERE code = 'DEMO')";
        var sql = role switch
        {
            Roles.ProgressLeader => $"SELECT st.id FROM students st JOIN year_groups y ON y.id = st.year_group_id WHERE y.progress_leader_staff_id = {staff}",
            // A student of another tutor in the senior tutor's team, not of their own groups.
            Roles.SeniorTutor => $"""
                SELECT st.id FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id
                JOIN tutor_team_members t ON t.tutor_staff_id = g.tutor_staff_id
                WHERE t.senior_tutor_staff_id = {staff} AND g.tutor_staff_id <> {staff}
                """,
            Roles.Tutor => $"SELECT st.id FROM students st JOIN tutor_groups g ON g.id = st.tutor_group_id WHERE g.tutor_staff_id = {staff}",
            Roles.SubjectTeacher => $"SELECT e.student_id FROM enrolments e WHERE e.teacher_staff_id = {staff}",
            // The demo's own first student (on roll, by id: students other tests add or take off roll come later).
            _ => $"SELECT id FROM students WHERE institution_id = {demo} AND on_roll ORDER BY id",
        };
        return (await app.QueryAsync<long>(sql + " LIMIT 1")).Single();
    }

    /// <summary>A student of the same institution with no link to the member of staff at all.</summary>
    private async Task<long> UnrelatedStudentAsync(long staff) => (await app.QueryAsync<long>($"""
        SELECT st.id FROM students st
        JOIN institutions i ON i.id = st.institution_id AND i.code = 'DEMO'
        LEFT JOIN tutor_groups g ON g.id = st.tutor_group_id
        WHERE COALESCE(g.tutor_staff_id, 0) <> {staff}
          AND COALESCE(g.tutor_staff_id, 0) NOT IN (SELECT tutor_staff_id FROM tutor_team_members WHERE senior_tutor_staff_id = {staff})
          AND st.year_group_id NOT IN (SELECT id FROM year_groups WHERE progress_leader_staff_id = {staff} AND progress_leader_staff_id IS NOT NULL)
          AND COALESCE(st.house_id, 0) NOT IN (SELECT id FROM houses WHERE head_staff_id = {staff} AND head_staff_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.student_id = st.id AND e.teacher_staff_id = {staff})
          AND NOT EXISTS (SELECT 1 FROM caseload_members c WHERE c.student_id = st.id)
        LIMIT 1
        """)).Single();
}
