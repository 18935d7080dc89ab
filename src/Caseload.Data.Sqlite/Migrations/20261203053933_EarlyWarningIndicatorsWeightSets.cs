using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EarlyWarningIndicatorsWeightSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "risk_points",
                table: "student_summaries",
                type: "TEXT",
                precision: 5,
                scale: 1,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "risk_indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    no_concern_at = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    full_concern_at = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_indicators_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risk_weight_sets",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    weights = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_weight_sets", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_weight_sets_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<int>(type: "INTEGER", nullable: false),
                    risk_indicator_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_values_risk_indicators_risk_indicator_id",
                        column: x => x.risk_indicator_id,
                        principalTable: "risk_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicator_values_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_institution_id",
                table: "indicator_values",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_risk_indicator_id",
                table: "indicator_values",
                column: "risk_indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_student_id_risk_indicator_id_date",
                table: "indicator_values",
                columns: new[] { "student_id", "risk_indicator_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_indicators_institution_id_code",
                table: "risk_indicators",
                columns: new[] { "institution_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_weight_sets_institution_id",
                table: "risk_weight_sets",
                column: "institution_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "risk_weight_sets");

            migrationBuilder.DropTable(
                name: "risk_indicators");

            migrationBuilder.DropColumn(
                name: "risk_points",
                table: "student_summaries");
        }
    }
}
