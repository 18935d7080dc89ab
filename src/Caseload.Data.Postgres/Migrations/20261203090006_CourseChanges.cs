using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CourseChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "end_reason",
                table: "enrolments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "end_reason_code",
                table: "enrolments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "enrolments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "condition_subject",
                table: "courses",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "planned_hours",
                table: "courses",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "change_reasons",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ilr_code = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_reasons", x => x.id);
                    table.ForeignKey(
                        name: "fk_change_reasons_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "course_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    from_course_id = table.Column<int>(type: "integer", nullable: true),
                    to_course_id = table.Column<int>(type: "integer", nullable: true),
                    reason_id = table.Column<int>(type: "integer", nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    student_view = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    parent_view = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requested_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    actioned_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    actioned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_changes_change_reasons_reason_id",
                        column: x => x.reason_id,
                        principalTable: "change_reasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_course_changes_courses_from_course_id",
                        column: x => x.from_course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_course_changes_courses_to_course_id",
                        column: x => x.to_course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_course_changes_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_course_changes_staff_requested_by_staff_id",
                        column: x => x.requested_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_course_changes_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_change_reasons_institution_id_name",
                table: "change_reasons",
                columns: new[] { "institution_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_changes_from_course_id",
                table: "course_changes",
                column: "from_course_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_changes_institution_id_status",
                table: "course_changes",
                columns: new[] { "institution_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_course_changes_reason_id",
                table: "course_changes",
                column: "reason_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_changes_requested_by_staff_id",
                table: "course_changes",
                column: "requested_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_changes_student_id_requested_at",
                table: "course_changes",
                columns: new[] { "student_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_course_changes_to_course_id",
                table: "course_changes",
                column: "to_course_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "course_changes");

            migrationBuilder.DropTable(
                name: "change_reasons");

            migrationBuilder.DropColumn(
                name: "end_reason",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "end_reason_code",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "status",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "condition_subject",
                table: "courses");

            migrationBuilder.DropColumn(
                name: "planned_hours",
                table: "courses");
        }
    }
}
