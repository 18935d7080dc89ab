using Caseload.WebTests.Journeys;
using Microsoft.Playwright;

namespace Caseload.WebTests.Students;

/// <summary>
/// When an institution's early-warning weights were fitted on its own outcomes (<c>caseload risk fit --apply</c>), the
/// score on a student's profile is the chance of withdrawing or failing, and the page says so in words a tutor reads in
/// a glance. Set on the sample school (OTHER) so the demo college keeps its default weights for every other test.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class FittedScoreJourney(WebApp app) : BrowserJourney(app)
{
    [Fact]
    public async Task A_fitted_score_reads_as_a_chance_learned_from_the_institutions_outcomes()
    {
        // Intercept −3; attendance 4, severe absence 2, progress 3. S1002 (Ollie) attended none of his sessions (both attendance
        // factors at 1) and is a grade below target in Mathematics, his one graded course (progress ½):
        // z = −3 + 4 + 2 + 1.5 = 4.5, a chance of 1 / (1 + e^−4.5) = 98.9% → 99. The data version goes up, as `risk fit
        // --apply` makes it, so the cached reference data (which says whether the weights were fitted) is read again.
        await App.ExecuteAsync("UPDATE institutions SET risk_weights = 'fitted,intercept=-3,attendance=4,severe-absence=2,progress=3', data_version = data_version + 1 WHERE code = 'OTHER'");
        await App.ExecuteAsync("DELETE FROM student_summaries WHERE institution_id = (SELECT id FROM institutions WHERE code = 'OTHER')");
        try
        {
            var student = (await App.QueryAsync<long>("SELECT s.id FROM students s JOIN institutions i ON i.id = s.institution_id WHERE i.code = 'OTHER' AND s.external_id = 'S1002'")).Single();
            var (email, password) = await App.AccountAsync("OTHER", "T001");
            var page = await NewPageAsync(1280, 900);
            await SignInAsync(page, email, password);
            await page.GotoAsync($"/students/{student}");
            var risk = page.GetByTestId("early-warning");
            await Assertions.Expect(risk).ToContainTextAsync("Early-warning score: 99");
            await Assertions.Expect(risk).ToContainTextAsync("Learned from this institution's own outcomes: of students like this in past years, about 99 in 100 withdrew or failed.");
            await Assertions.Expect(risk).ToContainTextAsync("attendance 0% this year");
            await AccessibleAsync(page, "profile-fitted-early-warning");
        }
        finally
        {
            await App.ExecuteAsync("UPDATE institutions SET risk_weights = NULL, data_version = data_version + 1 WHERE code = 'OTHER'");
            await App.ExecuteAsync("DELETE FROM student_summaries WHERE institution_id = (SELECT id FROM institutions WHERE code = 'OTHER')");
        }
    }
}
