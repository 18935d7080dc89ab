using System.Text;
using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Caseload.Core.Data;

/// <summary>
/// <c>docs/limits.md</c>, written from the declarations themselves (<see cref="Limits"/> and the model's text lengths),
/// so the document cannot drift from what is enforced: a test compares the file with this.
/// </summary>
public static class LimitsDocument
{
    public static string Render(IModel model)
    {
        var text = new StringBuilder()
            .AppendLine("# Limits on what may be entered")
            .AppendLine()
            .AppendLine("Written from the code's own declarations (`Core/Domain/Limits.cs` and the model's text lengths) by")
            .AppendLine("`LimitsDocumentTests`; do not edit by hand: run `CASELOAD_UPDATE_DOCS=1 dotnet test tests/Caseload.IntegrationTests")
            .AppendLine("--filter LimitsDocument` after changing a limit. Every door (page, API, CLI, import) goes through the same use")
            .AppendLine("cases and the same save, so a limit holds whichever way a request comes in; a refusal names the field and the limit.")
            .AppendLine()
            .AppendLine("## Counts, ranges and dates")
            .AppendLine()
            .AppendLine("| what | limit | enforced in |")
            .AppendLine("| --- | --- | --- |");
        foreach (var limit in Limits.All)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {limit.What} | {limit.Value} | `{limit.Where}` |");
        }
        text.AppendLine()
            .AppendLine("## Text: the longest each field holds")
            .AppendLine()
            .AppendLine("Refused above this length by every save (`CaseloadDbContext`), whichever door the text came by; control")
            .AppendLine("characters other than tab and line breaks are refused too.")
            .AppendLine()
            .AppendLine("| record | field | characters |")
            .AppendLine("| --- | --- | --- |");
        var rows = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType.Namespace == typeof(Student).Namespace)
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null)
                .Select(p => (Record: e.ClrType.Name, Field: p.Name, Max: p.GetMaxLength()!.Value)))
            .OrderBy(r => r.Record, StringComparer.Ordinal).ThenBy(r => r.Field, StringComparer.Ordinal);
        foreach (var (record, field, max) in rows)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {record} | {field} | {max:N0} |");
        }
        return text.ToString();
    }
}
