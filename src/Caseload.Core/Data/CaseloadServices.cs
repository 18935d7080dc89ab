using Caseload.Core.Features.Attendance;
using Caseload.Core.Features.Demo;
using Caseload.Core.Features.Imports;
using Caseload.Core.Features.Institutions;
using Caseload.Core.Features.Overview;
using Caseload.Core.Features.Users;
using Caseload.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caseload.Core.Data;

/// <summary>Registers the core for any host (web, CLI, tests): the data context on the configured database and the use cases.</summary>
public static class CaseloadServices
{
    /// <summary>
    /// Reads <c>Database:Provider</c> (default Sqlite) and <c>Database:ConnectionString</c> (or
    /// <c>ConnectionStrings:Caseload</c>); environment variables <c>Database__Provider</c> and
    /// <c>Database__ConnectionString</c> override them as usual.
    /// </summary>
    public static DatabaseSelection SelectDatabase(IConfiguration configuration, params IDatabaseProvider[] providers)
    {
        var name = configuration["Database:Provider"] is { Length: > 0 } p ? p : "Sqlite";
        var provider = providers.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"Database:Provider '{name}' is not known; expected one of {string.Join(", ", providers.Select(x => x.Name))}.");
        var cs = configuration["Database:ConnectionString"] is { Length: > 0 } c ? c
            : configuration.GetConnectionString("Caseload") is { Length: > 0 } c2 ? c2
            : provider.DefaultConnectionString;
        return new DatabaseSelection(provider, cs);
    }

    public static IServiceCollection AddCaseloadCore(this IServiceCollection services, DatabaseSelection database)
    {
        database.Provider.Prepare(database.ConnectionString);
        services.AddLogging();
        services.AddSingleton(database);
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<CaseloadDbContext>((sp, b) =>
        {
            database.Provider.Configure(b, database.ConnectionString);
            b.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddSingleton<IAttendanceStore>(database.Provider.AttendanceStore);
        services.AddScoped<CreateInstitution>();
        services.AddScoped<ImportStudents>();
        services.AddScoped<ImportStaff>();
        services.AddScoped<ImportTutorGroups>();
        services.AddScoped<ImportEnrolments>();
        services.AddScoped<ImportAttendance>();
        services.AddScoped<ImportGrades>();
        services.AddScoped<ImportBehaviour>();
        services.AddScoped<Importer>();
        services.AddScoped<GenerateDemo>();
        services.AddScoped<GetInstitutionOverview>();
        services.AddScoped<ManageUsers>();
        services.AddScoped<TwoFactorSettings>();
        services.AddScoped<Features.Institutions.SetAttendanceBands>();
        services.AddScoped<Features.Caseload.GetCaseload>();
        services.AddSingleton<Caching.CaseloadCache.Store>();
        services.AddScoped<Caching.CaseloadCache>();
        services.AddSingleton<Caching.ReferenceData.Store>();
        services.AddScoped<Caching.ReferenceData>();
        services.AddScoped<Features.Students.GetStudentProfile>();
        services.AddScoped<Features.Attendance.GetAttendanceForDates>();
        services.AddScoped<Features.Audit.SearchAudit>();
        services.AddScoped<Features.DataDrops.DataDrops>();
        services.AddScoped<Features.Targets.TargetTables>();
        services.AddScoped<Features.Targets.SetAspirationalTarget>();
        services.AddScoped<Features.Analytics.EvaluateRisk>();
        services.AddScoped<Features.Analytics.SetRiskWeights>();
        services.AddScoped<Features.Analytics.GetCohort>();
        services.AddScoped<Features.Institutions.AddGradeScale>();
        services.AddScoped<Features.Casework.Cases>();
        services.AddScoped<Features.Sessions.UserSessions>();
        services.AddScoped<Features.Casework.GetInbox>();
        services.AddScoped<Features.Casework.Referrals>();
        services.AddScoped<Features.Casework.OneToOnes>();
        services.AddScoped<Features.Casework.ParentContacts>();
        services.AddScoped<Features.Casework.BehaviourRecords>();
        services.AddScoped<Features.Casework.Letters>();
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, new Features.Notifications.EmailOptions());
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddCaseloadIdentity();
        return services;
    }

    /// <summary>Applies pending migrations. Never EnsureCreated: the schema is whatever the migrations say.</summary>
    public static Task MigrateAsync(CaseloadDbContext db, CancellationToken ct = default) => db.Database.MigrateAsync(ct);
}
