using System;
using Caseload.Core.Data;
using Caseload.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_grade_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    assessment_grade_id = table.Column<long>(type: "INTEGER", nullable: false),
                    previous_grade = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    previous_recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    previous_recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    new_grade = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_grade_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "attendance_mark_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    session = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    previous_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    previous_minutes_late = table.Column<int>(type: "INTEGER", nullable: true),
                    previous_recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    previous_recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    new_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    new_minutes_late = table.Column<int>(type: "INTEGER", nullable: true),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_mark_changes", x => x.id);
                });

            // One B-tree clustered on the natural key instead of a rowid table plus an index (see docs/decisions).
            migrationBuilder.Sql(SqliteSchema.AttendanceMarksTable);

            migrationBuilder.CreateTable(
                name: "institutions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    is_demo = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "academic_years",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_academic_years", x => x.id);
                    table.ForeignKey(
                        name: "fk_academic_years_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendance_codes",
                columns: table => new
                {
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    meaning = table.Column<int>(type: "INTEGER", nullable: false),
                    is_late = table.Column<bool>(type: "INTEGER", nullable: false),
                    withdrawn = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_codes", x => new { x.institution_id, x.code });
                    table.ForeignKey(
                        name: "fk_attendance_codes_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "data_points",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_open = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_points", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_points_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "grade_scales",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grade_scales", x => x.id);
                    table.ForeignKey(
                        name: "fk_grade_scales_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    rows = table.Column<int>(type: "INTEGER", nullable: false),
                    inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    errors = table.Column<int>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_runs_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "terms",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    academic_year_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_terms", x => x.id);
                    table.ForeignKey(
                        name: "fk_terms_academic_years_academic_year_id",
                        column: x => x.academic_year_id,
                        principalTable: "academic_years",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    qualification = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    grade_scale_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_courses_grade_scales_grade_scale_id",
                        column: x => x.grade_scale_id,
                        principalTable: "grade_scales",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_courses_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "grades",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    grade_scale_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    tariff = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grades", x => x.id);
                    table.ForeignKey(
                        name: "fk_grades_grade_scales_grade_scale_id",
                        column: x => x.grade_scale_id,
                        principalTable: "grade_scales",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "houses",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    head_staff_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_houses", x => x.id);
                    table.ForeignKey(
                        name: "fk_houses_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_houses_staff_head_staff_id",
                        column: x => x.head_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "staff_roles",
                columns: table => new
                {
                    staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_roles", x => new { x.staff_id, x.role });
                    table.ForeignKey(
                        name: "fk_staff_roles_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tutor_team_members",
                columns: table => new
                {
                    senior_tutor_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    tutor_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tutor_team_members", x => new { x.senior_tutor_staff_id, x.tutor_staff_id });
                    table.ForeignKey(
                        name: "fk_tutor_team_members_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tutor_team_members_staff_senior_tutor_staff_id",
                        column: x => x.senior_tutor_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tutor_team_members_staff_tutor_staff_id",
                        column: x => x.tutor_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "year_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    progress_leader_staff_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_year_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_year_groups_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_year_groups_staff_progress_leader_staff_id",
                        column: x => x.progress_leader_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "tutor_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    year_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    tutor_staff_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tutor_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_tutor_groups_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tutor_groups_staff_tutor_staff_id",
                        column: x => x.tutor_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_tutor_groups_year_groups_year_group_id",
                        column: x => x.year_group_id,
                        principalTable: "year_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "students",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    uln = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    preferred_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    gender = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    year_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    tutor_group_id = table.Column<int>(type: "INTEGER", nullable: true),
                    house_id = table.Column<int>(type: "INTEGER", nullable: true),
                    disadvantaged = table.Column<bool>(type: "INTEGER", nullable: false),
                    send = table.Column<bool>(type: "INTEGER", nullable: false),
                    ehcp = table.Column<bool>(type: "INTEGER", nullable: false),
                    looked_after = table.Column<bool>(type: "INTEGER", nullable: false),
                    young_carer = table.Column<bool>(type: "INTEGER", nullable: false),
                    eal = table.Column<bool>(type: "INTEGER", nullable: false),
                    most_able = table.Column<bool>(type: "INTEGER", nullable: false),
                    prior_attainment = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    on_roll = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_students", x => x.id);
                    table.ForeignKey(
                        name: "fk_students_houses_house_id",
                        column: x => x.house_id,
                        principalTable: "houses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_students_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_students_tutor_groups_tutor_group_id",
                        column: x => x.tutor_group_id,
                        principalTable: "tutor_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_students_year_groups_year_group_id",
                        column: x => x.year_group_id,
                        principalTable: "year_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendance_weeks",
                columns: table => new
                {
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    week_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    possible = table.Column<int>(type: "INTEGER", nullable: false),
                    present = table.Column<int>(type: "INTEGER", nullable: false),
                    approved_activity = table.Column<int>(type: "INTEGER", nullable: false),
                    authorised_absence = table.Column<int>(type: "INTEGER", nullable: false),
                    unauthorised_absence = table.Column<int>(type: "INTEGER", nullable: false),
                    not_possible = table.Column<int>(type: "INTEGER", nullable: false),
                    lates = table.Column<int>(type: "INTEGER", nullable: false),
                    minutes_late = table.Column<int>(type: "INTEGER", nullable: false),
                    unclassified = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_weeks", x => new { x.student_id, x.week_start });
                    table.ForeignKey(
                        name: "fk_attendance_weeks_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "behaviour_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    external_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    points = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    staff_id = table.Column<int>(type: "INTEGER", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_behaviour_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_behaviour_events_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_behaviour_events_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "caseload_members",
                columns: table => new
                {
                    staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_caseload_members", x => new { x.staff_id, x.student_id, x.from });
                    table.ForeignKey(
                        name: "fk_caseload_members_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_caseload_members_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    course_id = table.Column<int>(type: "INTEGER", nullable: false),
                    teacher_staff_id = table.Column<int>(type: "INTEGER", nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    target_grade = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrolments_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrolments_staff_teacher_staff_id",
                        column: x => x.teacher_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_enrolments_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "student_contacts",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    relationship = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    parental_responsibility = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_student_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_student_contacts_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_grades",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    enrolment_id = table.Column<int>(type: "INTEGER", nullable: false),
                    data_point_id = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_grades", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_grades_data_points_data_point_id",
                        column: x => x.data_point_id,
                        principalTable: "data_points",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_assessment_grades_enrolments_enrolment_id",
                        column: x => x.enrolment_id,
                        principalTable: "enrolments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_academic_years_institution_id_name",
                table: "academic_years",
                columns: new[] { "institution_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessment_grade_changes_assessment_grade_id",
                table: "assessment_grade_changes",
                column: "assessment_grade_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_grades_data_point_id",
                table: "assessment_grades",
                column: "data_point_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_grades_enrolment_id_data_point_id",
                table: "assessment_grades",
                columns: new[] { "enrolment_id", "data_point_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attendance_mark_changes_student_id_date_session",
                table: "attendance_mark_changes",
                columns: new[] { "student_id", "date", "session" });

            migrationBuilder.CreateIndex(
                name: "ix_behaviour_events_staff_id",
                table: "behaviour_events",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_behaviour_events_student_id_date",
                table: "behaviour_events",
                columns: new[] { "student_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_behaviour_events_student_id_external_key",
                table: "behaviour_events",
                columns: new[] { "student_id", "external_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_caseload_members_student_id",
                table: "caseload_members",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_courses_grade_scale_id",
                table: "courses",
                column: "grade_scale_id");

            migrationBuilder.CreateIndex(
                name: "ix_courses_institution_id_code",
                table: "courses",
                columns: new[] { "institution_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_points_institution_id_name",
                table: "data_points",
                columns: new[] { "institution_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_course_id",
                table: "enrolments",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_student_id_course_id",
                table: "enrolments",
                columns: new[] { "student_id", "course_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_teacher_staff_id",
                table: "enrolments",
                column: "teacher_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_grade_scales_institution_id_code",
                table: "grade_scales",
                columns: new[] { "institution_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grades_grade_scale_id_code",
                table: "grades",
                columns: new[] { "grade_scale_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_houses_head_staff_id",
                table: "houses",
                column: "head_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_houses_institution_id_code",
                table: "houses",
                columns: new[] { "institution_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_runs_institution_id",
                table: "import_runs",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_institutions_code",
                table: "institutions",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_institution_id_external_id",
                table: "staff",
                columns: new[] { "institution_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_student_contacts_student_id",
                table: "student_contacts",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_students_house_id",
                table: "students",
                column: "house_id");

            migrationBuilder.CreateIndex(
                name: "ix_students_institution_id_external_id",
                table: "students",
                columns: new[] { "institution_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_students_tutor_group_id",
                table: "students",
                column: "tutor_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_students_year_group_id",
                table: "students",
                column: "year_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_terms_academic_year_id",
                table: "terms",
                column: "academic_year_id");

            migrationBuilder.CreateIndex(
                name: "ix_tutor_groups_institution_id_code",
                table: "tutor_groups",
                columns: new[] { "institution_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tutor_groups_tutor_staff_id",
                table: "tutor_groups",
                column: "tutor_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_tutor_groups_year_group_id",
                table: "tutor_groups",
                column: "year_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_tutor_team_members_institution_id",
                table: "tutor_team_members",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_tutor_team_members_tutor_staff_id",
                table: "tutor_team_members",
                column: "tutor_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_year_groups_institution_id_code",
                table: "year_groups",
                columns: new[] { "institution_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_year_groups_progress_leader_staff_id",
                table: "year_groups",
                column: "progress_leader_staff_id");

            // Corrections keep their previous value in the database itself (see HistoryTriggers).
            migrationBuilder.Sql(HistoryTriggers.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HistoryTriggers.SqliteDown);

            migrationBuilder.DropTable(
                name: "assessment_grade_changes");

            migrationBuilder.DropTable(
                name: "assessment_grades");

            migrationBuilder.DropTable(
                name: "attendance_codes");

            migrationBuilder.DropTable(
                name: "attendance_mark_changes");

            migrationBuilder.DropTable(
                name: "attendance_marks");

            migrationBuilder.DropTable(
                name: "attendance_weeks");

            migrationBuilder.DropTable(
                name: "behaviour_events");

            migrationBuilder.DropTable(
                name: "caseload_members");

            migrationBuilder.DropTable(
                name: "grades");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "staff_roles");

            migrationBuilder.DropTable(
                name: "student_contacts");

            migrationBuilder.DropTable(
                name: "terms");

            migrationBuilder.DropTable(
                name: "tutor_team_members");

            migrationBuilder.DropTable(
                name: "data_points");

            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "academic_years");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "students");

            migrationBuilder.DropTable(
                name: "grade_scales");

            migrationBuilder.DropTable(
                name: "houses");

            migrationBuilder.DropTable(
                name: "tutor_groups");

            migrationBuilder.DropTable(
                name: "year_groups");

            migrationBuilder.DropTable(
                name: "staff");

            migrationBuilder.DropTable(
                name: "institutions");
        }
    }
}
