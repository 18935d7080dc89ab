using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Caseload.WebTests;

/// <summary>The casework API over HTTP: the same rules as the pages — versions, refusals, the restricted route.</summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed class CaseworkApiTests(WebApp app)
{
    [Fact]
    public async Task A_tutor_opens_and_escalates_a_case_a_stale_version_is_409_and_a_safeguarding_concern_comes_back_as_a_receipt()
    {
        var (email, password, students) = await app.NewTutorGroupAsync(); // a tutor group of its own
        var student = students[^1];
        using var http = await Accounts.SignInAsync(app, email, password);

        // Bad input: 400 with what was wrong; nothing made.
        var bad = await http.PostAsJsonAsync($"/api/v1/students/{student}/cases", new { stage = 9, reason = "Attendance", summary = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("there is no stage 9", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await http.PostAsJsonAsync($"/api/v1/students/{student}/cases", new { stage = 1, reason = "Attendance", summary = "Late every day this week" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        var c = await http.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal((1, 0, "Attendance"), (c.GetProperty("stage").GetInt32(), c.GetProperty("version").GetInt32(), c.GetProperty("reason").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync($"{location}/moves", new { version = 0, stage = 2, why = "No change after a week" })).StatusCode);
        var stale = await http.PostAsJsonAsync($"{location}/reviews", new { version = 0, text = "From an old copy" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("was changed by", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var history = (await http.GetFromJsonAsync<JsonElement>(location)).GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Opened", "Escalated"], history);

        // A safeguarding concern: sent, and read back by its referrer as a receipt without the words.
        var raised = await http.PostAsJsonAsync($"/api/v1/students/{student}/referrals", new { category = "Safeguarding", urgency = "Urgent", what = "Said they are scared to go home" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var receipt = await http.GetFromJsonAsync<JsonElement>(raised.Headers.Location!.ToString());
        Assert.Equal(("Receipt", JsonValueKind.Null), (receipt.GetProperty("access").GetString(), receipt.GetProperty("what").ValueKind));
        Assert.DoesNotContain("scared", receipt.ToString(), StringComparison.Ordinal);

        // The timeline (pastoral) has the case's history; another institution's student is 404.
        var timeline = await http.GetStringAsync($"/api/v1/students/{student}/timeline");
        Assert.Contains("Escalated from Stage 1 to Stage 2", timeline, StringComparison.Ordinal);
        var other = (await app.QueryAsync<long>("SELECT s.id FROM students s JOIN institutions i ON i.id = s.institution_id WHERE i.code = 'OTHER' LIMIT 1")).Single();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/students/{other}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync($"/api/v1/students/{other}/cases", new { stage = 1, reason = "Other", summary = "x" })).StatusCode);
    }
}
