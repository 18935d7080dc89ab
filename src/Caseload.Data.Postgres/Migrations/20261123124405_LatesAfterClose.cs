using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LatesAfterClose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "lates_after_close",
                table: "attendance_weeks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Summaries made before this column existed: count their late-after-close marks (U) from the marks.
            migrationBuilder.Sql("""
                UPDATE attendance_weeks SET lates_after_close = (
                    SELECT COUNT(*) FROM attendance_marks m
                    JOIN students s ON s.id = m.student_id
                    JOIN attendance_codes c ON c.institution_id = s.institution_id AND c.code = m.code
                    WHERE m.student_id = attendance_weeks.student_id
                      AND m.date >= attendance_weeks.week_start AND m.date < attendance_weeks.week_start + 7
                      AND c.is_late AND c.meaning = 3)
                WHERE unauthorised_absence > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lates_after_close",
                table: "attendance_weeks");
        }
    }
}
