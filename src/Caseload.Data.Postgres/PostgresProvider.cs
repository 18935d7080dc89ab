using Caseload.Core.Data;
using Caseload.Core.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace Caseload.Data.Postgres;

/// <summary>Production and multi-institution deployments: chosen with <c>Database:Provider=Postgres</c>.</summary>
public sealed class PostgresProvider : IDatabaseProvider
{
    public string Name => "Postgres";

    public string DefaultConnectionString => "Host=localhost;Database=caseload;Username=caseload";

    public IAttendanceStore AttendanceStore { get; } = new PostgresAttendanceStore();

    public void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention();

    public void Prepare(string connectionString)
    {
    }
}
