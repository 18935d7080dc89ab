using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "previous_possible",
                table: "student_summaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "recent_attended",
                table: "student_summaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "recent_possible",
                table: "student_summaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "risk_inputs",
                table: "student_summaries",
                type: "text",
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
