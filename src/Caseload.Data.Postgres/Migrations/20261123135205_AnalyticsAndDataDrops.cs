using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsAndDataDrops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "risk_weights",
                table: "institutions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "aspirational_grade",
                table: "enrolments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "comment",
                table: "assessment_grades",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "effort",
                table: "assessment_grades",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_point_courses",
                columns: table => new
                {
                    data_point_id = table.Column<int>(type: "integer", nullable: false),
                    course_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_point_courses", x => new { x.data_point_id, x.course_id });
                    table.ForeignKey(
                        name: "fk_data_point_courses_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_data_point_courses_data_points_data_point_id",
                        column: x => x.data_point_id,
                        principalTable: "data_points",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "student_summaries",
                columns: table => new
                {
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    year_possible = table.Column<int>(type: "integer", nullable: false),
                    year_present = table.Column<int>(type: "integer", nullable: false),
                    year_approved = table.Column<int>(type: "integer", nullable: false),
                    year_authorised = table.Column<int>(type: "integer", nullable: false),
                    year_unauthorised = table.Column<int>(type: "integer", nullable: false),
                    year_lates = table.Column<int>(type: "integer", nullable: false),
                    year_lates_after_close = table.Column<int>(type: "integer", nullable: false),
                    year_minutes_late = table.Column<int>(type: "integer", nullable: false),
                    term_possible = table.Column<int>(type: "integer", nullable: false),
                    term_present = table.Column<int>(type: "integer", nullable: false),
                    term_approved = table.Column<int>(type: "integer", nullable: false),
                    term_authorised = table.Column<int>(type: "integer", nullable: false),
                    term_unauthorised = table.Column<int>(type: "integer", nullable: false),
                    term_lates = table.Column<int>(type: "integer", nullable: false),
                    term_lates_after_close = table.Column<int>(type: "integer", nullable: false),
                    term_minutes_late = table.Column<int>(type: "integer", nullable: false),
                    attendance_trend = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    subjects_graded = table.Column<int>(type: "integer", nullable: false),
                    subjects_below = table.Column<int>(type: "integer", nullable: false),
                    worst_gap = table.Column<int>(type: "integer", nullable: false),
                    worst_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    subjects_dropped = table.Column<int>(type: "integer", nullable: false),
                    dropped_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    behaviour_term = table.Column<int>(type: "integer", nullable: false),
                    reasons_overdue = table.Column<int>(type: "integer", nullable: false),
                    oldest_reason_overdue = table.Column<DateOnly>(type: "date", nullable: true),
                    risk_score = table.Column<int>(type: "integer", nullable: false),
                    risk_reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_student_summaries", x => x.student_id);
                    table.ForeignKey(
                        name: "fk_student_summaries_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "target_bands",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    scale = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    to = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_target_bands", x => x.id);
                    table.ForeignKey(
                        name: "fk_target_bands_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "target_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enrolment_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    previous = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    @new = table.Column<string>(name: "new", type: "character varying(16)", maxLength: 16, nullable: true),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_target_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_target_changes_enrolments_enrolment_id",
                        column: x => x.enrolment_id,
                        principalTable: "enrolments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attendance_marks_no_reason",
                table: "attendance_marks",
                columns: new[] { "student_id", "date" },
                filter: "code = 'N'");

            migrationBuilder.CreateIndex(
                name: "ix_data_point_courses_course_id",
                table: "data_point_courses",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_student_summaries_institution_id_risk_score",
                table: "student_summaries",
                columns: new[] { "institution_id", "risk_score" });

            migrationBuilder.CreateIndex(
                name: "ix_target_bands_institution_id_scale_from",
                table: "target_bands",
                columns: new[] { "institution_id", "scale", "from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_target_changes_enrolment_id",
                table: "target_changes",
                column: "enrolment_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_point_courses");

            migrationBuilder.DropTable(
                name: "student_summaries");

            migrationBuilder.DropTable(
                name: "target_bands");

            migrationBuilder.DropTable(
                name: "target_changes");

            migrationBuilder.DropIndex(
                name: "ix_attendance_marks_no_reason",
                table: "attendance_marks");

            migrationBuilder.DropColumn(
                name: "risk_weights",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "aspirational_grade",
                table: "enrolments");

            migrationBuilder.DropColumn(
                name: "comment",
                table: "assessment_grades");

            migrationBuilder.DropColumn(
                name: "effort",
                table: "assessment_grades");
        }
    }
}
