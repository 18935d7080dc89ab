using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferralsOneToOnesContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_bank_targets_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "one_to_one_meetings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    student_view = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    deleted_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_one_to_one_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_one_to_one_meetings_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_one_to_one_meetings_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_one_to_one_meetings_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "one_to_one_priorities",
                columns: table => new
                {
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    set_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_one_to_one_priorities", x => x.student_id);
                    table.ForeignKey(
                        name: "fk_one_to_one_priorities_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "parent_contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    positive = table.Column<bool>(type: "INTEGER", nullable: false),
                    with = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    deleted_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parent_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_parent_contacts_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parent_contacts_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_parent_contacts_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    urgency = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    restricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    what = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    raised_by_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    raised_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    to_staff_id = table.Column<int>(type: "INTEGER", nullable: true),
                    to_role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    acknowledged_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    acknowledged_by_staff_id = table.Column<int>(type: "INTEGER", nullable: true),
                    acted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    acted_by_staff_id = table.Column<int>(type: "INTEGER", nullable: true),
                    action_taken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_by_staff_id = table.Column<int>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    deleted_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_referrals_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referrals_staff_raised_by_staff_id",
                        column: x => x.raised_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_referrals_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    set_in_meeting_id = table.Column<long>(type: "INTEGER", nullable: false),
                    reviewed_in_meeting_id = table.Column<long>(type: "INTEGER", nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    owner_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_targets_one_to_one_meetings_set_in_meeting_id",
                        column: x => x.set_in_meeting_id,
                        principalTable: "one_to_one_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_targets_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_targets_institution_id_area",
                table: "bank_targets",
                columns: new[] { "institution_id", "area" });

            migrationBuilder.CreateIndex(
                name: "ix_one_to_one_meetings_institution_id",
                table: "one_to_one_meetings",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_one_to_one_meetings_staff_id_held_on",
                table: "one_to_one_meetings",
                columns: new[] { "staff_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_one_to_one_meetings_student_id_held_on",
                table: "one_to_one_meetings",
                columns: new[] { "student_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_parent_contacts_institution_id",
                table: "parent_contacts",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_parent_contacts_staff_id",
                table: "parent_contacts",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_parent_contacts_student_id_on",
                table: "parent_contacts",
                columns: new[] { "student_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_targets_set_in_meeting_id",
                table: "plan_targets",
                column: "set_in_meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_targets_student_id_status",
                table: "plan_targets",
                columns: new[] { "student_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_institution_id_to_role_status",
                table: "referrals",
                columns: new[] { "institution_id", "to_role", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_raised_by_staff_id_raised_at",
                table: "referrals",
                columns: new[] { "raised_by_staff_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_student_id_raised_at",
                table: "referrals",
                columns: new[] { "student_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_to_staff_id_status",
                table: "referrals",
                columns: new[] { "to_staff_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_targets");

            migrationBuilder.DropTable(
                name: "one_to_one_priorities");

            migrationBuilder.DropTable(
                name: "parent_contacts");

            migrationBuilder.DropTable(
                name: "plan_targets");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "one_to_one_meetings");
        }
    }
}
