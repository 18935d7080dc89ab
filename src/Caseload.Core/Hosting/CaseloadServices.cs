using Caseload.Core.Data;
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

namespace Caseload.Core.Hosting;

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
        services.AddSingleton<ReadContexts>();
        services.AddSingleton<IAttendanceStore>(database.Provider.AttendanceStore);
        services.AddScoped<CreateInstitution>();
        services.AddScoped<ImportCalendar>();
        services.AddScoped<ImportStudents>();
        services.AddScoped<ImportStaff>();
        services.AddScoped<ImportTutorGroups>();
        services.AddScoped<ImportYearGroups>();
        services.AddScoped<ImportHouses>();
        services.AddScoped<ImportCaseloads>();
        services.AddScoped<ImportContacts>();
        services.AddScoped<ImportEnrolments>();
        services.AddScoped<ImportAttendance>();
        services.AddScoped<ImportGrades>();
        services.AddScoped<ImportBehaviour>();
        services.AddScoped<ImportIndicators>();
        services.AddScoped<Features.Risk.DefineIndicator>();
        services.AddScoped<Importer>();
        services.AddScoped<GenerateDemo>();
        services.AddScoped<GetInstitutionOverview>();
        services.AddScoped<ManageUsers>();
        services.AddScoped<TwoFactorSettings>();
        services.AddScoped<Features.Institutions.SetAttendanceBands>();
        services.AddScoped<Features.Caseload.GetCaseload>();
        services.AddSingleton<Features.Caseload.CaseloadCache.Store>();
        services.AddScoped<Features.Caseload.CaseloadCache>();
        services.AddSingleton<Features.Institutions.ReferenceData.Store>();
        services.AddSingleton<Security.ViewerCache.Store>();
        services.AddScoped<Security.ViewerCache>();
        services.AddScoped<Features.Institutions.ReferenceData>();
        services.AddScoped<Features.Students.GetStudentProfile>();
        services.AddScoped<Features.Attendance.GetAttendanceForDates>();
        services.AddScoped<Features.Audit.SearchAudit>();
        services.AddScoped<Features.DataDrops.DataDrops>();
        services.AddScoped<Features.Targets.TargetTables>();
        services.AddScoped<Features.Targets.SetAspirationalTarget>();
        services.AddScoped<Features.Risk.EvaluateRisk>();
        services.AddScoped<Features.Risk.SetRiskWeights>();
        services.AddScoped<Features.Risk.RiskHistory>();
        services.AddScoped<Features.Risk.FitRiskWeights>();
        services.AddScoped<Features.Analytics.GetCohort>();
        services.AddScoped<Features.Institutions.AddGradeScale>();
        services.AddScoped<Features.Institutions.AddScaleAlias>();
        services.AddScoped<Features.Sessions.UserSessions>();
        services.AddScoped<Features.Inbox.GetInbox>();
        services.AddScoped<Features.Search.SearchStudents>();
        services.AddScoped<Features.Search.SearchStaff>();
        services.AddScoped<Features.Classes.GetMyClasses>();
        services.AddScoped<Features.Attendance.GetAbsentToday>();
        services.AddScoped<Features.Photos.ImportPhotos>();
        services.AddScoped<Features.Photos.GetPhoto>();
        services.AddScoped<Features.Institutions.Letterhead>();
        services.AddCaseworkUseCases();
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, new Features.Notifications.EmailOptions());
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddCaseloadIdentity();
        return services;
    }

    /// <summary>The casework features' use cases, each a class of its own (decision 0011); tests register them over one context.</summary>
    public static IServiceCollection AddCaseworkUseCases(this IServiceCollection services)
    {
        services.AddScoped<Features.Students.SaveStudentContact>();
        services.AddScoped<Features.Cover.ArrangeCover>();
        services.AddScoped<Features.Cover.ListCovers>();
        services.AddScoped<Features.Cases.CaseChanges>();
        services.AddScoped<Features.Cases.GetCase>();
        services.AddScoped<Features.Cases.ListStudentCases>();
        services.AddScoped<Features.Cases.OpenCase>();
        services.AddScoped<Features.Cases.MoveCase>();
        services.AddScoped<Features.Cases.TakeCase>();
        services.AddScoped<Features.Cases.ReviewCase>();
        services.AddScoped<Features.Cases.EditCaseSummary>();
        services.AddScoped<Features.Cases.CloseCase>();
        services.AddScoped<Features.Cases.DeleteCase>();
        services.AddScoped<Features.Cases.AddCaseAction>();
        services.AddScoped<Features.Cases.CompleteCaseAction>();

        services.AddScoped<Features.Referrals.ReferralAccess>();
        services.AddScoped<Features.CourseChanges.CourseChangeAccess>();
        services.AddScoped<Features.CourseChanges.ChangeReasons>();
        services.AddScoped<Features.CourseChanges.RequestCourseChange>();
        services.AddScoped<Features.CourseChanges.DecideCourseChange>();
        services.AddScoped<Features.CourseChanges.CancelCourseChange>();
        services.AddScoped<Features.CourseChanges.ActionCourseChange>();
        services.AddScoped<Features.CourseChanges.GetCourseChange>();
        services.AddScoped<Features.CourseChanges.ListCourseChanges>();
        services.AddScoped<Features.CourseChanges.GetRetention>();
        services.AddScoped<Features.CourseChanges.ExportWithdrawals>();
        services.AddScoped<Features.References.ReferenceAccess>();
        services.AddScoped<Features.References.StartApplication>();
        services.AddScoped<Features.References.RequestContributions>();
        services.AddScoped<Features.References.WriteContribution>();
        services.AddScoped<Features.References.DraftReference>();
        services.AddScoped<Features.References.CheckReference>();
        services.AddScoped<Features.References.GetApplication>();
        services.AddScoped<Features.References.ReferenceCycles>();
        services.AddScoped<Features.Destinations.DestinationAccess>();
        services.AddScoped<Features.Destinations.OfferCheck>();
        services.AddScoped<Features.Destinations.RecordChoice>();
        services.AddScoped<Features.Destinations.RecordActivity>();
        services.AddScoped<Features.Destinations.RecordFollowUp>();
        services.AddScoped<Features.Destinations.GetProgression>();
        services.AddScoped<Features.Destinations.GetResultsDay>();
        services.AddScoped<Features.Destinations.ListDestinations>();
        services.AddScoped<Features.References.ListReferences>();
        services.AddScoped<Features.Referrals.RaiseReferral>();
        services.AddScoped<Features.Safeguarding.ReportSafeguardingConcern>();
        services.AddScoped<Features.Safeguarding.GetSafeguardingChronology>();
        services.AddScoped<Features.Safeguarding.TriageConcern>();
        services.AddScoped<Features.Safeguarding.AddSafeguardingNote>();
        services.AddScoped<Features.Safeguarding.AddSafeguardingAction>();
        services.AddScoped<Features.Safeguarding.GetSafeguardingTask>();
        services.AddScoped<Features.Safeguarding.CompleteSafeguardingAction>();
        services.AddScoped<Features.Safeguarding.RecordAgencyReferral>();
        services.AddScoped<Features.Safeguarding.CloseConcern>();
        services.AddScoped<Features.Safeguarding.ReviewMonitoring>();
        services.AddScoped<Features.Safeguarding.SafeguardingCategories>();
        services.AddScoped<Features.Safeguarding.BreakGlass>();
        services.AddScoped<Features.Safeguarding.SafeguardingAccessLevels>();
        services.AddScoped<Features.Safeguarding.ShareConcern>();
        services.AddScoped<Features.Safeguarding.SafeguardingRetention>();
        services.AddScoped<Features.Safeguarding.TransferChildProtectionFile>();
        services.AddScoped<Features.Safeguarding.ChildProtectionFileTasks>();
        services.AddScoped<Features.Analytics.BringSummariesUpToDate>();
        services.AddScoped<Features.Wellbeing.OpenWellbeingCase>();
        services.AddScoped<Features.Wellbeing.WellbeingCaseChanges>();
        services.AddScoped<Features.Wellbeing.GetWellbeingCase>();
        services.AddScoped<Features.Wellbeing.ListWellbeingCases>();
        services.AddScoped<Features.Safeguarding.LinkInvolvedChild>();
        services.AddScoped<Features.Safeguarding.SafeguardingAttachments>();
        services.AddScoped<Features.SupportPlans.SupportPlanAccess>();
        services.AddScoped<Features.SupportPlans.StartSupportPlan>();
        services.AddScoped<Features.SupportPlans.GetSupportPlan>();
        services.AddScoped<Features.SupportPlans.SaveSupportPlan>();
        services.AddScoped<Features.SupportPlans.PlanSteps>();
        services.AddScoped<Features.SupportPlans.EndSupportPlan>();
        services.AddScoped<Features.SupportPlans.ListSupportPlans>();
        services.AddScoped<Features.SupportPlans.SupportPlanStrategies>();
        services.AddScoped<Features.Referrals.GetReferral>();
        services.AddScoped<Features.Referrals.ListReferrals>();
        services.AddScoped<Features.Referrals.AcknowledgeReferral>();
        services.AddScoped<Features.Referrals.ActOnReferral>();
        services.AddScoped<Features.Referrals.CloseReferral>();

        services.AddScoped<Features.OneToOnes.GetOneToOneSchedule>();
        services.AddScoped<Features.OneToOnes.GetActionPlan>();
        services.AddScoped<Features.OneToOnes.RecordOneToOne>();
        services.AddScoped<Features.OneToOnes.GetOneToOne>();
        services.AddScoped<Features.OneToOnes.OneToOneChanges>();
        services.AddScoped<Features.OneToOnes.CorrectOneToOne>();
        services.AddScoped<Features.OneToOnes.DeleteOneToOne>();
        services.AddScoped<Features.OneToOnes.SetTargetStatus>();
        services.AddScoped<Features.OneToOnes.PrioritiseStudent>();
        services.AddScoped<Features.TargetBank.AddBankTarget>();
        services.AddScoped<Features.TargetBank.RemoveBankTarget>();

        services.AddScoped<Features.ParentContacts.LogParentContact>();
        services.AddScoped<Features.ParentContacts.ListParentContacts>();
        services.AddScoped<Features.ParentContacts.GetFortyEightHours>();
        services.AddScoped<Features.ParentContacts.ParentContactChanges>();
        services.AddScoped<Features.ParentContacts.CorrectParentContact>();
        services.AddScoped<Features.ParentContacts.DeleteParentContact>();

        services.AddScoped<Features.Letters.SaveLetterTemplate>();
        services.AddScoped<Features.Letters.RenderLetter>();
        services.AddScoped<Features.Letters.LogLetterSent>();

        services.AddScoped<Features.Behaviour.RecordIncident>();
        services.AddScoped<Features.Behaviour.GiveReward>();
        services.AddScoped<Features.Behaviour.GiveRewards>();
        services.AddScoped<Features.Behaviour.GiveSanction>();
        services.AddScoped<Features.Behaviour.MarkSanctionServed>();
        services.AddScoped<Features.Behaviour.StartReport>();
        services.AddScoped<Features.Behaviour.RecordReportDay>();
        services.AddScoped<Features.Behaviour.EndReport>();
        services.AddScoped<Features.Behaviour.GetBehaviourRecord>();
        services.AddScoped<Features.Behaviour.GetBehaviourLog>();
        services.AddScoped<Features.Behaviour.MarkDealtWith>();
        return services;
    }

    /// <summary>How old EF's SQLite migration lock must be before it is taken for a crashed process's (a migration takes seconds).</summary>
    public static readonly TimeSpan StaleMigrationLock = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Applies pending migrations. Never EnsureCreated: the schema is whatever the migrations say. With nothing pending
    /// (every start but the first after an upgrade) no lock is taken at all. On SQLite, EF's migration lock is a row in
    /// <c>__EFMigrationsLock</c> that a process killed while holding it never removes, and every later start would wait
    /// for it for ever (found by tests/kill-import.sh): a lock older than <see cref="StaleMigrationLock"/> is removed
    /// first. (PostgreSQL's lock is an advisory lock, which ends with its connection.)
    /// </summary>
    public static async Task MigrateAsync(CaseloadDbContext db, CancellationToken ct = default)
    {
        if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            return;
        }
        if (!db.IsPostgres)
        {
            await RemoveStaleSqliteLockAsync(db, ct);
        }
        await db.Database.MigrateAsync(ct);
    }

    private static async Task RemoveStaleSqliteLockAsync(CaseloadDbContext db, CancellationToken ct)
    {
        var exists = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'").SingleAsync(ct) > 0;
        if (!exists)
        {
            return;
        }
        // EF writes the lock's time as the real UTC time in round-trip text ("2026-12-02 10:56:05.5767613+00:00").
        var cutoff = (TimeProvider.System.GetUtcNow() - StaleMigrationLock).ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            var held = await db.Database.SqlQueryRaw<string>("SELECT \"Timestamp\" AS \"Value\" FROM \"__EFMigrationsLock\"").ToListAsync(ct);
            if (held.Count == 0)
            {
                return;
            }
            if (held.All(t => string.CompareOrdinal(t, cutoff) < 0))
            {
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", ct);
                return;
            }
            // Another process is migrating now (or crashed moments ago): wait for it, or for the lock to go stale.
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            cutoff = (TimeProvider.System.GetUtcNow() - StaleMigrationLock).ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
