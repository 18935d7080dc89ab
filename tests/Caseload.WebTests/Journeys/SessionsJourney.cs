using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class SessionsJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_tutor_sees_where_they_are_signed_in_and_ends_the_session_left_open_on_another_computer()
    {
        var (email, password) = await App.NewStaffAsync("tutor");
        var staffRoom = await NewPageAsync(1280, 800);
        await SignInAsync(staffRoom, email, password);
        var classroom = await NewPageAsync(1280, 800);
        await SignInAsync(classroom, email, password);

        await classroom.GetByRole(AriaRole.Link, new() { Name = "Your sessions" }).ClickAsync();
        await Assertions.Expect(classroom.GetByRole(AriaRole.Heading, new() { Name = "Your sessions" })).ToBeVisibleAsync();
        await Assertions.Expect(classroom.GetByText("2 sessions")).ToBeVisibleAsync();
        await Assertions.Expect(classroom.GetByText("This session", new() { Exact = true })).ToBeVisibleAsync();
        await AccessibleAsync(classroom, "account-sessions");
        await classroom.GetByRole(AriaRole.Button, new() { Name = "End this session" }).ClickAsync();
        await Assertions.Expect(classroom.GetByText("That session has ended.")).ToBeVisibleAsync();
        await Assertions.Expect(classroom.GetByText("1 session", new() { Exact = true })).ToBeVisibleAsync();

        // The staff-room computer's next click lands on the sign-in page.
        await staffRoom.GetByRole(AriaRole.Link, new() { Name = "My inbox" }).ClickAsync();
        await Assertions.Expect(staffRoom.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await staffRoom.Context.CloseAsync();
        await classroom.Context.CloseAsync();
    }
}
