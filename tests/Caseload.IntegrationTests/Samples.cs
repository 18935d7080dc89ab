using System.Text;
using Caseload.Core.Features.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.IntegrationTests;

internal static class Samples
{
    public static readonly string[] Order = ["staff", "tutor-groups", "students", "enrolments", "attendance", "grades", "behaviour"];

    public static string PathOf(string kind) => Path.Combine(AppContext.BaseDirectory, "samples", $"{kind}.csv");

    public static Task<ImportResult> ImportFileAsync(this TestDatabase db, int institutionId, string kind, string path, string actor = "test", bool dryRun = false) =>
        db.RunAsync(async s =>
        {
            await using var stream = File.OpenRead(path);
            return await s.GetRequiredService<Importer>().RunAsync(kind, new ImportRequest(institutionId, Path.GetFileName(path), stream, actor, dryRun));
        });

    public static Task<ImportResult> ImportTextAsync(this TestDatabase db, int institutionId, string kind, string text, string file = "test.csv", string actor = "test") =>
        db.RunAsync(async s =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            return await s.GetRequiredService<Importer>().RunAsync(kind, new ImportRequest(institutionId, file, stream, actor));
        });

    /// <summary>Runs the <c>caseload</c> command against this database as a person would type it.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunCliAsync(this TestDatabase db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Caseload.Cli.CaseloadCommand.RunAsync([.. args, "--provider", db.Selection.Provider.Name, "--connection", db.ConnectionString,
            "--clock-today", db.Clock.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<Dictionary<string, ImportResult>> ImportAllSamplesAsync(this TestDatabase db, int institutionId, string actor = "test")
    {
        var results = new Dictionary<string, ImportResult>();
        foreach (var kind in Order)
        {
            var result = await db.ImportFileAsync(institutionId, kind, PathOf(kind), actor);
            Assert.True(result.Succeeded, $"{kind}: {string.Join("\n", result.Problems)}");
            results[kind] = result;
        }
        return results;
    }
}
