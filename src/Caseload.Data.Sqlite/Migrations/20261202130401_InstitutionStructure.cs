using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionStructure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "address",
                table: "student_contacts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "entered_here",
                table: "student_contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "lives_with_student",
                table: "student_contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "no_contact",
                table: "student_contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "preferred_method",
                table: "student_contacts",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "student_contacts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "updated_by",
                table: "student_contacts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "student_contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "left_on",
                table: "staff",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "aliases",
                table: "grade_scales",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "closures",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closures", x => x.id);
                    table.ForeignKey(
                        name: "fk_closures_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "covers",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    tutor_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    cover_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    tutor_group_id = table.Column<int>(type: "INTEGER", nullable: true),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    set_by_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ended = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_covers", x => x.id);
                    table.ForeignKey(
                        name: "fk_covers_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_covers_staff_cover_staff_id",
                        column: x => x.cover_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_covers_staff_set_by_staff_id",
                        column: x => x.set_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_covers_staff_tutor_staff_id",
                        column: x => x.tutor_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_covers_tutor_groups_tutor_group_id",
                        column: x => x.tutor_group_id,
                        principalTable: "tutor_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "year_group_assistants",
                columns: table => new
                {
                    year_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_year_group_assistants", x => new { x.year_group_id, x.staff_id });
                    table.ForeignKey(
                        name: "fk_year_group_assistants_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_year_group_assistants_year_groups_year_group_id",
                        column: x => x.year_group_id,
                        principalTable: "year_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_closures_institution_id_start_date",
                table: "closures",
                columns: new[] { "institution_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_covers_cover_staff_id_from",
                table: "covers",
                columns: new[] { "cover_staff_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_covers_institution_id",
                table: "covers",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_covers_set_by_staff_id",
                table: "covers",
                column: "set_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_covers_tutor_group_id",
                table: "covers",
                column: "tutor_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_covers_tutor_staff_id_from",
                table: "covers",
                columns: new[] { "tutor_staff_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_year_group_assistants_staff_id",
                table: "year_group_assistants",
                column: "staff_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closures");

            migrationBuilder.DropTable(
                name: "covers");

            migrationBuilder.DropTable(
                name: "year_group_assistants");

            migrationBuilder.DropColumn(
                name: "address",
                table: "student_contacts");

            migrationBuilder.DropColumn(
                name: "entered_here",
                table: "student_contacts");

            migrationBuilder.DropColumn(
                name: "lives_with_student",
                table: "student_contacts");

            migrationBuilder.DropColumn(
                name: "no_contact",
                table: "student_contacts");

            migrationBuilder.DropColumn(
                name: "preferred_method",
                table: "student_contacts");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "student_contacts");

            migrationBuilder.DropColumn(
                name: "updated_by",
                table: "student_contacts");

            migrationBuilder.DropColumn(
                name: "version",
                table: "student_contacts");

            migrationBuilder.DropColumn(
                name: "left_on",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "aliases",
                table: "grade_scales");
        }
    }
}
