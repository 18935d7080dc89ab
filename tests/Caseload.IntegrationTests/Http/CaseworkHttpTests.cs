using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Caseload.IntegrationTests.Http;

/// <summary>
/// The casework API over HTTP, in process, on both databases: every answer a client can get — 201 with where, 204, 400
/// with what was wrong, 401, 404 alike for what does not exist and what one may not see, 409 with who changed it — and
/// the OpenAPI document describing each response.
/// </summary>
public sealed class CaseworkHttpTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_and_a_referral_through_the_api_answer_every_status_a_client_can_get(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var institution = await db.CreateInstitutionAsync();
        await db.ImportAllSamplesAsync(institution);
        int ollie, amira, s1004;
        await using (var context = db.NewContext())
        {
            ollie = await context.Students.Where(s => s.ExternalId == "S1002").Select(s => s.Id).SingleAsync();
            amira = await context.Students.Where(s => s.ExternalId == "S1001").Select(s => s.Id).SingleAsync();
            s1004 = await context.Students.Where(s => s.ExternalId == "S1004").Select(s => s.Id).SingleAsync();
        }
        await using var app = new CaseloadWebFactory(db);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/inbox", UriKind.Relative))).StatusCode);

        var tutor = await app.SignedInAsync(institution, "T001"); // Grace Okafor, tutor of 12A (S1001–S1003)
        var senior = await app.SignedInAsync(institution, "T002");

        // Open: 400 says what was wrong; 404 for a student she does not see; 201 says where the case is.
        var bad = await tutor.PostAsJsonAsync($"/api/v1/students/{ollie}/cases", new { stage = 9, reason = "Attendance", summary = "Late" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("there is no stage 9; expected one of 1, 2, 3, 4, 5", (await Problem(bad)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await tutor.PostAsJsonAsync($"/api/v1/students/{s1004}/cases", new { stage = 1, reason = "Attendance", summary = "x" })).StatusCode);
        var created = await tutor.PostAsJsonAsync($"/api/v1/students/{ollie}/cases", new { stage = 1, reason = "Attendance", summary = "Late every day this week" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var caseId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/cases/{caseId}", location);

        // An action added and done, by the versions each change returns.
        Assert.Equal(HttpStatusCode.NoContent, (await tutor.PostAsJsonAsync($"{location}/actions", new { version = 0, what = "Phone home", who = "tutor", due = "2026-11-25" })).StatusCode);
        var detail = await tutor.GetFromJsonAsync<JsonElement>(location);
        var action = detail.GetProperty("actions")[0];
        Assert.Equal(HttpStatusCode.NoContent, (await tutor.PostAsJsonAsync($"/api/v1/case-actions/{action.GetProperty("id").GetInt64()}/done",
            new { version = action.GetProperty("version").GetInt32() })).StatusCode);
        var version = (await tutor.GetFromJsonAsync<JsonElement>(location)).GetProperty("version").GetInt32();
        Assert.Equal(2, version);

        // The senior tutor reviews it; the tutor's review against the version she read is refused with who and when.
        Assert.Equal(HttpStatusCode.NoContent, (await senior.PostAsJsonAsync($"{location}/reviews", new { version, text = "Called home; mother supportive" })).StatusCode);
        var stale = await tutor.PostAsJsonAsync($"{location}/reviews", new { version, text = "Better this week" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await Problem(stale);
        Assert.Equal("Daniel Kowalski", conflict.GetProperty("changedBy").GetString());
        Assert.StartsWith("This case was changed by Daniel Kowalski at ", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // 404 alike for a case that does not exist and one she may not see; a body that cannot be read is 400, not 500.
        Assert.Equal(HttpStatusCode.NotFound, (await tutor.GetAsync(new Uri("/api/v1/cases/999999", UriKind.Relative))).StatusCode);
        var teacher = await app.SignedInAsync(institution, "T003");
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync(new Uri(location, UriKind.Relative))).StatusCode);
        using var garbage = new StringContent("{\"version\": \"two\"", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await tutor.PostAsync(new Uri($"{location}/reviews", UriKind.Relative), garbage)).StatusCode);

        // A subject teacher raises a safeguarding concern: she gets a receipt without the words, the tutor nothing.
        var raised = await teacher.PostAsJsonAsync($"/api/v1/students/{amira}/referrals", new { category = "Safeguarding", urgency = "Urgent", what = "Said she is scared to go home" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var referral = raised.Headers.Location!.OriginalString;
        var receipt = await teacher.GetFromJsonAsync<JsonElement>(referral);
        Assert.Equal(("Receipt", JsonValueKind.Null), (receipt.GetProperty("access").GetString(), receipt.GetProperty("what").ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, (await tutor.GetAsync(new Uri(referral, UriKind.Relative))).StatusCode);
        var bad2 = await teacher.PostAsJsonAsync($"/api/v1/students/{amira}/referrals", new { category = "Concern", urgency = "Routine", what = " " });
        Assert.Equal("write what happened", (await Problem(bad2)).GetProperty("detail").GetString());

        // The OpenAPI document describes what each of these endpoints answers.
        var openApi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        var getCase = paths.GetProperty("/api/v1/cases/{id}").GetProperty("get").GetProperty("responses");
        Assert.True(getCase.TryGetProperty("200", out var ok) && ok.GetRawText().Contains("CaseResponse", StringComparison.Ordinal), ok.GetRawText());
        var open = paths.GetProperty("/api/v1/students/{id}/cases").GetProperty("post").GetProperty("responses");
        Assert.True(open.TryGetProperty("201", out _));
        Assert.True(paths.GetProperty("/api/v1/referrals/{id}/acknowledge").GetProperty("post").GetProperty("responses").TryGetProperty("204", out _));
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
