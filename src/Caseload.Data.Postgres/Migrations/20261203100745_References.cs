using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class References : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reference_cycles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    early_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    main_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    centre_statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_cycles", x => x.id);
                    table.ForeignKey(
                        name: "fk_reference_cycles_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    cycle_id = table.Column<int>(type: "integer", nullable: false),
                    route = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    early_deadline = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    extenuating = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    supportive = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    predictions_signed_off_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    predictions_signed_off_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    drafted_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    drafted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    checked_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    checked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    released_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    released_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_applications_reference_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "reference_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_applications_staff_created_by_staff_id",
                        column: x => x.created_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_applications_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contributions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    enrolment_id = table.Column<int>(type: "integer", nullable: false),
                    teacher_staff_id = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    predicted_grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    predicted_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_contributions_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contributions_enrolments_enrolment_id",
                        column: x => x.enrolment_id,
                        principalTable: "enrolments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contributions_staff_teacher_staff_id",
                        column: x => x.teacher_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_created_by_staff_id",
                table: "applications",
                column: "created_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_cycle_id",
                table: "applications",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_institution_id_status",
                table: "applications",
                columns: new[] { "institution_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_student_id_cycle_id",
                table: "applications",
                columns: new[] { "student_id", "cycle_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contributions_application_id_enrolment_id",
                table: "contributions",
                columns: new[] { "application_id", "enrolment_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contributions_enrolment_id",
                table: "contributions",
                column: "enrolment_id");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_teacher_staff_id_submitted_at",
                table: "contributions",
                columns: new[] { "teacher_staff_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reference_cycles_institution_id_name",
                table: "reference_cycles",
                columns: new[] { "institution_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contributions");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "reference_cycles");
        }
    }
}
