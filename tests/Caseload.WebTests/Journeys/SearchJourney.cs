using System.Net.Http.Json;
using Caseload.Core.Domain;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Caseload.WebTests.Journeys;

[Collection(WebAppCollection.Name)]
public sealed class SearchJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task The_search_box_on_every_page_finds_a_student_by_names_in_either_order()
    {
        var (leader, password) = await App.NewStaffAsync("senior-leader"); // sees the whole institution
        var (first, last, id) = (await App.QueryAsync<string>("""
            SELECT s.first_name || '|' || s.last_name || '|' || s.id FROM students s JOIN institutions i ON i.id = s.institution_id AND i.code = 'DEMO'
            WHERE s.preferred_name IS NULL AND s.on_roll = 1 ORDER BY s.id LIMIT 1
            """)).Single().Split('|') is [var f, var l, var n] ? (f, l, n) : default;
        var page = await NewPageAsync(1280, 900);
        await SignInAsync(page, leader, password);
        await page.GotoAsync(new Uri(App.BaseAddress, "/inbox").ToString());
        await page.Keyboard.PressAsync("/");                                   // the shortcut puts the cursor in the box
        await page.Keyboard.TypeAsync($"{last} {first}");                      // "Kaya Leila" for Leila Kaya
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("search-results")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("search-results").GetByRole(AriaRole.Link, new() { Name = $"{first} {last}" })).ToBeVisibleAsync();
        await AccessibleAsync(page, "search-results");
        await page.GetByTestId("search-results").GetByRole(AriaRole.Link, new() { Name = $"{first} {last}" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/students/{id}$"));

        // A student of another institution is not found; nothing typed is a wildcard.
        await page.GotoAsync(new Uri(App.BaseAddress, "/search?q=%25").ToString());
        await Assertions.Expect(page.GetByTestId("search-none")).ToBeVisibleAsync();
        var phone = await NewPageAsync(390, 800);
        await SignInAsync(phone, leader, password);
        await phone.GotoAsync(new Uri(App.BaseAddress, $"/search?q={Uri.EscapeDataString(last)}").ToString());
        await AccessibleAsync(phone, "search-phone");
    }
}
