using Caseload.Core.Features.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Core.Features.Imports;

/// <summary>Finds the import use case for a kind name (as typed on the command line).</summary>
public sealed class Importer(IServiceProvider services)
{
    public static readonly IReadOnlyDictionary<string, ImportSchema> Kinds = new Dictionary<string, ImportSchema>
    {
        ["calendar"] = ImportCalendar.Columns,
        ["students"] = ImportStudents.Columns,
        ["staff"] = ImportStaff.Columns,
        ["tutor-groups"] = ImportTutorGroups.Columns,
        ["year-groups"] = ImportYearGroups.Columns,
        ["houses"] = ImportHouses.Columns,
        ["caseloads"] = ImportCaseloads.Columns,
        ["contacts"] = ImportContacts.Columns,
        ["enrolments"] = ImportEnrolments.Columns,
        ["attendance"] = ImportAttendance.Columns,
        ["grades"] = ImportGrades.Columns,
        ["behaviour"] = ImportBehaviour.Columns,
        ["indicators"] = ImportIndicators.Columns,
    };

    public Task<ImportResult> RunAsync(string kind, ImportRequest request, CancellationToken ct = default) => kind switch
    {
        "calendar" => services.GetRequiredService<ImportCalendar>().HandleAsync(request, ct),
        "students" => services.GetRequiredService<ImportStudents>().HandleAsync(request, ct),
        "staff" => services.GetRequiredService<ImportStaff>().HandleAsync(request, ct),
        "tutor-groups" => services.GetRequiredService<ImportTutorGroups>().HandleAsync(request, ct),
        "year-groups" => services.GetRequiredService<ImportYearGroups>().HandleAsync(request, ct),
        "houses" => services.GetRequiredService<ImportHouses>().HandleAsync(request, ct),
        "caseloads" => services.GetRequiredService<ImportCaseloads>().HandleAsync(request, ct),
        "contacts" => services.GetRequiredService<ImportContacts>().HandleAsync(request, ct),
        "enrolments" => services.GetRequiredService<ImportEnrolments>().HandleAsync(request, ct),
        "attendance" => services.GetRequiredService<ImportAttendance>().HandleAsync(request, ct),
        "grades" => services.GetRequiredService<ImportGrades>().HandleAsync(request, ct),
        "behaviour" => services.GetRequiredService<ImportBehaviour>().HandleAsync(request, ct),
        "indicators" => services.GetRequiredService<ImportIndicators>().HandleAsync(request, ct),
        _ => throw new ValidationException($"'{kind}' is not an import kind; expected one of {string.Join(", ", Kinds.Keys)}"),
    };
}
