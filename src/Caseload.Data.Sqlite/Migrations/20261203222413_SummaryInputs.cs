using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SummaryInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "previous_attended",
                table: "student_summaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "previous_possible",
                table: "student_summaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "recent_attended",
                table: "student_summaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "recent_possible",
                table: "student_summaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "risk_inputs",
                table: "student_summaries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "previous_attended",
                table: "student_summaries");

            migrationBuilder.DropColumn(
                name: "previous_possible",
                table: "student_summaries");

            migrationBuilder.DropColumn(
                name: "recent_attended",
                table: "student_summaries");

            migrationBuilder.DropColumn(
                name: "recent_possible",
                table: "student_summaries");

            migrationBuilder.DropColumn(
                name: "risk_inputs",
                table: "student_summaries");
        }
    }
}
