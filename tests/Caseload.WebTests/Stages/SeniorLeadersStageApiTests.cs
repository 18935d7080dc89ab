using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Caseload.WebTests.Stages;

/// <summary>Stage 5+ through the page and the API: the case waits for the senior leadership team until one of them takes it.</summary>
[Collection(WebAppCollection.Name)]
[Trait(Caseload.Tests.TestDay.Trait, Caseload.Tests.TestDay.AnyDay)]
public sealed class SeniorLeadersStageApiTests(WebApp app)
{
    [Fact]
    public async Task A_stage_5_case_is_in_every_senior_leaders_inbox_until_one_takes_it()
    {
        var (services, servicesPassword) = await app.NewStaffAsync("student-services");
        var (first, firstPassword) = await app.NewStaffAsync("senior-leader");
        var (second, secondPassword) = await app.NewStaffAsync("senior-leader");
        using var office = await Accounts.SignInAsync(app, services, servicesPassword);
        var student = (await app.NewTutorGroupAsync(1)).Students[0]; // a student of its own
        var opened = await office.PostAsJsonAsync($"/api/v1/students/{student}/cases", new { stage = 4, reason = "Attendance", summary = "Stage 5 test" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsJsonAsync($"/api/v1/cases/{id}/moves", new { version = 0, stage = 5, why = "Referred to SLT" })).StatusCode);

        using var sam = await Accounts.SignInAsync(app, first, firstPassword);
        using var lin = await Accounts.SignInAsync(app, second, secondPassword);
        foreach (var leader in new[] { sam, lin })
        {
            var inbox = await leader.GetStringAsync(new Uri("/api/v1/inbox", UriKind.Relative));
            Assert.Contains($"\"kind\":\"ForSeniorLeaders\",\"link\":\"/cases/{id}\"", inbox, StringComparison.Ordinal);
            Assert.Contains("Take this case", await leader.GetStringAsync(new Uri($"/cases/{id}", UriKind.Relative)), StringComparison.Ordinal);
        }
        // One takes it on the page; the other's API call is refused with who took it; it has left her inbox.
        var taken = await Accounts.PostFormAsync(sam, $"/cases/{id}?handler=Take", new() { ["Version"] = "1" }, $"/cases/{id}");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var refused = await lin.PostAsJsonAsync($"/api/v1/cases/{id}/take", new { version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("has already taken this case", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"/cases/{id}\"", await lin.GetStringAsync(new Uri("/api/v1/inbox", UriKind.Relative)), StringComparison.Ordinal);
        var owner = (await (await sam.GetAsync(new Uri($"/api/v1/cases/{id}", UriKind.Relative))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("owner").GetString();
        Assert.Equal("Test Person", owner);
        // Someone who is not a senior leader cannot take one.
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostAsJsonAsync($"/api/v1/cases/{id}/take", new { version = 2 })).StatusCode);
    }
}
