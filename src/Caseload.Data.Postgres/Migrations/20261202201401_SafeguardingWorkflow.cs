using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SafeguardingWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_safeguarding_entries_institution_id",
                table: "safeguarding_entries");

            migrationBuilder.AddColumn<string>(
                name: "agency",
                table: "safeguarding_entries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "consent",
                table: "safeguarding_entries",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "done_at",
                table: "safeguarding_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "done_by_staff_id",
                table: "safeguarding_entries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "done_note",
                table: "safeguarding_entries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_on",
                table: "safeguarding_entries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "owner_staff_id",
                table: "safeguarding_entries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reference",
                table: "safeguarding_entries",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "shared_with_owner",
                table: "safeguarding_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "safeguarding_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_institution_id_kind_due_on",
                table: "safeguarding_entries",
                columns: new[] { "institution_id", "kind", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_owner_staff_id_done_at",
                table: "safeguarding_entries",
                columns: new[] { "owner_staff_id", "done_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_safeguarding_entries_staff_owner_staff_id",
                table: "safeguarding_entries",
                column: "owner_staff_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_safeguarding_entries_staff_owner_staff_id",
                table: "safeguarding_entries");

            migrationBuilder.DropIndex(
                name: "ix_safeguarding_entries_institution_id_kind_due_on",
                table: "safeguarding_entries");

            migrationBuilder.DropIndex(
                name: "ix_safeguarding_entries_owner_staff_id_done_at",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "agency",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "consent",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "done_at",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "done_by_staff_id",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "done_note",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "due_on",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "owner_staff_id",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "reference",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "shared_with_owner",
                table: "safeguarding_entries");

            migrationBuilder.DropColumn(
                name: "version",
                table: "safeguarding_entries");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_institution_id",
                table: "safeguarding_entries",
                column: "institution_id");
        }
    }
}
