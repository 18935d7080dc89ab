using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WellbeingCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wellbeing_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    referral_id = table.Column<long>(type: "bigint", nullable: true),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    owner_staff_id = table.Column<int>(type: "integer", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    next_review = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wellbeing_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_wellbeing_cases_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_wellbeing_cases_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_wellbeing_cases_staff_created_by_staff_id",
                        column: x => x.created_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_wellbeing_cases_staff_owner_staff_id",
                        column: x => x.owner_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_wellbeing_cases_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "wellbeing_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by_staff_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wellbeing_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_wellbeing_notes_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_wellbeing_notes_staff_by_staff_id",
                        column: x => x.by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_wellbeing_notes_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_wellbeing_notes_wellbeing_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "wellbeing_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_cases_created_by_staff_id",
                table: "wellbeing_cases",
                column: "created_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_cases_institution_id",
                table: "wellbeing_cases",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_cases_owner_staff_id_closed_on_next_review",
                table: "wellbeing_cases",
                columns: new[] { "owner_staff_id", "closed_on", "next_review" });

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_cases_referral_id",
                table: "wellbeing_cases",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_cases_student_id",
                table: "wellbeing_cases",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_notes_by_staff_id",
                table: "wellbeing_notes",
                column: "by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_notes_case_id",
                table: "wellbeing_notes",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_notes_institution_id",
                table: "wellbeing_notes",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_wellbeing_notes_student_id",
                table: "wellbeing_notes",
                column: "student_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wellbeing_notes");

            migrationBuilder.DropTable(
                name: "wellbeing_cases");
        }
    }
}
