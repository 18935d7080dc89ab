using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RestrictedAuditAndSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "restricted",
                table: "audit_events",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Entries written before the flag existed: those about a safeguarding concern become the safeguarding team's.
            migrationBuilder.Sql("""
                UPDATE audit_events SET restricted = TRUE
                WHERE entity = 'Referral' AND entity_id IN (SELECT CAST(id AS TEXT) FROM referrals WHERE restricted);
                """);

            migrationBuilder.CreateTable(
                name: "user_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<int>(type: "INTEGER", nullable: false),
                    signed_in_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    device = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ended_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ended_why = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_sessions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_user_id",
                table: "user_sessions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "user_sessions");

            migrationBuilder.DropColumn(
                name: "restricted",
                table: "audit_events");
        }
    }
}
