using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SafeguardingRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safeguarding_body_marks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    side = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_body_marks", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_body_marks_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_body_marks_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_body_marks_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_break_glass",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    until = table.Column<DateTime>(type: "TEXT", nullable: false),
                    seen_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    seen_by_staff_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_break_glass", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_break_glass_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_break_glass_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_break_glass_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_categories",
                columns: table => new
                {
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_categories", x => new { x.institution_id, x.position });
                    table.ForeignKey(
                        name: "fk_safeguarding_categories_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_details",
                columns: table => new
                {
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    present = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    childs_words = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    demeanour = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    categories = table.Column<string>(type: "TEXT", maxLength: 488, nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    owner_staff_id = table.Column<int>(type: "INTEGER", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    shared_with_owner = table.Column<bool>(type: "INTEGER", nullable: false),
                    done_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    done_by_staff_id = table.Column<int>(type: "INTEGER", nullable: true),
                    done_note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    agency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    consent = table.Column<bool>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                        name: "fk_safeguarding_entries_staff_owner_staff_id",
                        column: x => x.owner_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "ix_safeguarding_body_marks_institution_id",
                table: "safeguarding_body_marks",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_body_marks_referral_id",
                table: "safeguarding_body_marks",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_body_marks_student_id",
                table: "safeguarding_body_marks",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_break_glass_institution_id_seen_at",
                table: "safeguarding_break_glass",
                columns: new[] { "institution_id", "seen_at" });

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_break_glass_staff_id_student_id_until",
                table: "safeguarding_break_glass",
                columns: new[] { "staff_id", "student_id", "until" });

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_break_glass_student_id",
                table: "safeguarding_break_glass",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_details_institution_id",
                table: "safeguarding_details",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_details_student_id_occurred_on",
                table: "safeguarding_details",
                columns: new[] { "student_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_institution_id_kind_due_on",
                table: "safeguarding_entries",
                columns: new[] { "institution_id", "kind", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_entries_owner_staff_id_done_at",
                table: "safeguarding_entries",
                columns: new[] { "owner_staff_id", "done_at" });

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
                name: "safeguarding_body_marks");

            migrationBuilder.DropTable(
                name: "safeguarding_break_glass");

            migrationBuilder.DropTable(
                name: "safeguarding_categories");

            migrationBuilder.DropTable(
                name: "safeguarding_details");

            migrationBuilder.DropTable(
                name: "safeguarding_entries");
        }
    }
}
