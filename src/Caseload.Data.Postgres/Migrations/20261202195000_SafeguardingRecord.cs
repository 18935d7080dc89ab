using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SafeguardingRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safeguarding_details",
                columns: table => new
                {
                    referral_id = table.Column<long>(type: "bigint", nullable: false),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    occurred_at = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    present = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    childs_words = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    demeanour = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    categories = table.Column<string>(type: "character varying(488)", maxLength: 488, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_details", x => x.referral_id);
                    table.ForeignKey(
                        name: "fk_safeguarding_details_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_details_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_details_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    referral_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decision = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_entries_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_entries_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_safeguarding_entries_staff_recorded_by_staff_id",
                        column: x => x.recorded_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_entries_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_details_institution_id",
                table: "safeguarding_details",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_details_student_id_occurred_on",
                table: "safeguarding_details",
                columns: new[] { "student_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_institution_id",
                table: "safeguarding_entries",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_recorded_by_staff_id",
                table: "safeguarding_entries",
                column: "recorded_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_referral_id",
                table: "safeguarding_entries",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_student_id_occurred_on",
                table: "safeguarding_entries",
                columns: new[] { "student_id", "occurred_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safeguarding_details");

            migrationBuilder.DropTable(
                name: "safeguarding_entries");
        }
    }
}
