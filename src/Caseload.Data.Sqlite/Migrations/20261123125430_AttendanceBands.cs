using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AttendanceBands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "attendance_good_from",
                table: "institutions",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 95m);

            migrationBuilder.AddColumn<decimal>(
                name: "attendance_watch_from",
                table: "institutions",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 90m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attendance_good_from",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "attendance_watch_from",
                table: "institutions");
        }
    }
}
