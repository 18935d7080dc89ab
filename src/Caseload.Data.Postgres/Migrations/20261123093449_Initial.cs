using System;
using System.Collections.Generic;
using Caseload.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    assessment_grade_id = table.Column<long>(type: "bigint", nullable: false),
                    previous_grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    previous_recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    previous_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    new_grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_grade_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "attendance_mark_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    session = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    previous_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    previous_minutes_late = table.Column<int>(type: "integer", nullable: true),
                    previous_recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    previous_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    new_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    new_minutes_late = table.Column<int>(type: "integer", nullable: true),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_mark_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "attendance_marks",
                columns: table => new
                {
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    session = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    minutes_late = table.Column<int>(type: "integer", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance_marks", x => new { x.student_id, x.date, x.session });
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    entity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: true),
                    changes = table.Column<string>(type: "text", nullable: true),
                    restricted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    two_factor_roles = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, defaultValue: "administrator,safeguarding-lead"),
                    data_version = table.Column<long>(type: "bigint", nullable: false),
                    attendance_good_from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false, defaultValue: 95m),
                    attendance_watch_from = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false, defaultValue: 90m),
                    risk_weights = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    letterhead = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    signing_key = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institutions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "academic_years",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false)
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
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    meaning = table.Column<int>(type: "integer", nullable: false),
                    is_late = table.Column<bool>(type: "boolean", nullable: false),
                    withdrawn = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "bank_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    area = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "behaviour_incidents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_behaviour_incidents", x => x.id);
                    table.ForeignKey(
                        name: "fk_behaviour_incidents_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "closures",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false)
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
                name: "data_points",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    is_open = table.Column<bool>(type: "boolean", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    file_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    inserted = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<int>(type: "integer", nullable: false),
                    started_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                name: "institution_logos",
                columns: table => new
                {
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    png = table.Column<byte[]>(type: "bytea", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institution_logos", x => x.institution_id);
                    table.ForeignKey(
                        name: "fk_institution_logos_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "intervention_stages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    owner_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    with = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    review_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intervention_stages", x => x.id);
                    table.ForeignKey(
                        name: "fk_intervention_stages_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "letter_templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letter_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_letter_templates_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "risk_indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    no_concern_at = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    full_concern_at = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    weights = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                name: "safeguarding_categories",
                columns: table => new
                {
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
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
                name: "staff",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    external_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true)
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
                name: "terms",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    academic_year_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    qualification = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    grade_scale_id = table.Column<int>(type: "integer", nullable: false),
                    planned_hours = table.Column<int>(type: "integer", nullable: true),
                    condition_subject = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    grade_scale_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    points = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    tariff = table.Column<int>(type: "integer", nullable: true)
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    head_staff_id = table.Column<int>(type: "integer", nullable: true)
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
                name: "safeguarding_access",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    categories = table.Column<string>(type: "character varying(488)", maxLength: 488, nullable: true),
                    year_group_ids = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    granted_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    granted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_access", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_access_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_access_staff_granted_by_staff_id",
                        column: x => x.granted_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_access_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_roles",
                columns: table => new
                {
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
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
                    senior_tutor_staff_id = table.Column<int>(type: "integer", nullable: false),
                    tutor_staff_id = table.Column<int>(type: "integer", nullable: false),
                    institution_id = table.Column<int>(type: "integer", nullable: false)
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
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    disabled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "year_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    progress_leader_staff_id = table.Column<int>(type: "integer", nullable: true)
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
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    signed_in_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    device = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ended_why = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_sessions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tutor_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year_group_id = table.Column<int>(type: "integer", nullable: false),
                    tutor_staff_id = table.Column<int>(type: "integer", nullable: true)
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
                name: "year_group_assistants",
                columns: table => new
                {
                    year_group_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "covers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    tutor_staff_id = table.Column<int>(type: "integer", nullable: false),
                    cover_staff_id = table.Column<int>(type: "integer", nullable: false),
                    tutor_group_id = table.Column<int>(type: "integer", nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    set_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "students",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    external_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    upn = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    uln = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    preferred_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    gender = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    year_group_id = table.Column<int>(type: "integer", nullable: false),
                    tutor_group_id = table.Column<int>(type: "integer", nullable: true),
                    house_id = table.Column<int>(type: "integer", nullable: true),
                    disadvantaged = table.Column<bool>(type: "boolean", nullable: false),
                    send = table.Column<bool>(type: "boolean", nullable: false),
                    ehcp = table.Column<bool>(type: "boolean", nullable: false),
                    looked_after = table.Column<bool>(type: "boolean", nullable: false),
                    young_carer = table.Column<bool>(type: "boolean", nullable: false),
                    eal = table.Column<bool>(type: "boolean", nullable: false),
                    most_able = table.Column<bool>(type: "boolean", nullable: false),
                    prior_attainment = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    on_roll = table.Column<bool>(type: "boolean", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    leaving_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                name: "attendance_weeks",
                columns: table => new
                {
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    possible = table.Column<int>(type: "integer", nullable: false),
                    present = table.Column<int>(type: "integer", nullable: false),
                    approved_activity = table.Column<int>(type: "integer", nullable: false),
                    authorised_absence = table.Column<int>(type: "integer", nullable: false),
                    unauthorised_absence = table.Column<int>(type: "integer", nullable: false),
                    not_possible = table.Column<int>(type: "integer", nullable: false),
                    lates = table.Column<int>(type: "integer", nullable: false),
                    lates_after_close = table.Column<int>(type: "integer", nullable: false),
                    minutes_late = table.Column<int>(type: "integer", nullable: false),
                    unclassified = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    external_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    points = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    staff_id = table.Column<int>(type: "integer", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "destination_activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    provider = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_destination_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_destination_activities_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_destination_activities_staff_recorded_by_staff_id",
                        column: x => x.recorded_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_destination_activities_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    course_id = table.Column<int>(type: "integer", nullable: false),
                    teacher_staff_id = table.Column<int>(type: "integer", nullable: true),
                    teaching_group = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    target_grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    aspirational_grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    end_reason_code = table.Column<int>(type: "integer", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                name: "incident_students",
                columns: table => new
                {
                    incident_id = table.Column<long>(type: "bigint", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    points = table.Column<int>(type: "integer", nullable: false),
                    behaviour_event_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incident_students", x => new { x.incident_id, x.student_id });
                    table.CheckConstraint("ck_incident_students_points", "points <= 0 AND (role = 'Perpetrator' OR points = 0)");
                    table.ForeignKey(
                        name: "fk_incident_students_behaviour_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "behaviour_incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_incident_students_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    risk_indicator_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "intervention_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    owner_staff_id = table.Column<int>(type: "integer", nullable: true),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    next_review = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    deleted_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intervention_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_intervention_cases_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_intervention_cases_staff_owner_staff_id",
                        column: x => x.owner_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_intervention_cases_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "on_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    targets = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    started_by_staff_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_on_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_on_reports_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "one_to_one_meetings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    student_view = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    deleted_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    set_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    positive = table.Column<bool>(type: "boolean", nullable: false),
                    with = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    deleted_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    urgency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    restricted = table.Column<bool>(type: "boolean", nullable: false),
                    what = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    raised_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    raised_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    to_staff_id = table.Column<int>(type: "integer", nullable: true),
                    to_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    acknowledged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    acted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acted_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    action_taken = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    deleted_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                name: "safeguarding_break_glass",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    seen_by_staff_id = table.Column<int>(type: "integer", nullable: true)
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
                name: "safeguarding_erasures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    erased_on = table.Column<DateOnly>(type: "date", nullable: false),
                    by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    years = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_erasures", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_erasures_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_erasures_staff_by_staff_id",
                        column: x => x.by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_erasures_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_received_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    bundle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_school = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from_person = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    prepared_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    received_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    key_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    receipt_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_received_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_received_files_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_received_files_staff_received_by_staff_id",
                        column: x => x.received_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_received_files_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_transfers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    bundle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prepared_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    prepared_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    to_school = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    to_person = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    bundle = table.Column<byte[]>(type: "bytea", nullable: true),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: true),
                    receipt_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    key_fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sent_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    acknowledged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    acknowledged_with_code = table.Column<bool>(type: "boolean", nullable: false),
                    acknowledgement_recorded_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    not_sent_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_transfers", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_transfers_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_transfers_staff_prepared_by_staff_id",
                        column: x => x.prepared_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_transfers_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sanctions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    incident_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    served = table.Column<bool>(type: "boolean", nullable: false),
                    set_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sanctions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sanctions_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "student_contacts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    relationship = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    parental_responsibility = table.Column<bool>(type: "boolean", nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    lives_with_student = table.Column<bool>(type: "boolean", nullable: false),
                    preferred_method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    no_contact = table.Column<bool>(type: "boolean", nullable: false),
                    entered_here = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                name: "student_photos",
                columns: table => new
                {
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    jpeg = table.Column<byte[]>(type: "bytea", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    source_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_student_photos", x => x.student_id);
                    table.ForeignKey(
                        name: "fk_student_photos_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
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
                    risk_points = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
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
                name: "support_plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_staff_id = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    hours_per_week = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    sections = table.Column<string>(type: "character varying(48768)", maxLength: 48768, nullable: false),
                    student_view = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    parent_view = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    strategies = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_plans_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_staff_created_by_staff_id",
                        column: x => x.created_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_staff_owner_staff_id",
                        column: x => x.owner_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_staff_updated_by_staff_id",
                        column: x => x.updated_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "application_choices",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    provider = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    course = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reply = table.Column<int>(type: "integer", nullable: false),
                    other_conditions = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_choices", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_choices_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "results_follow_ups",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_results_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_results_follow_ups_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_results_follow_ups_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "behaviour_reviews",
                columns: table => new
                {
                    behaviour_event_id = table.Column<long>(type: "bigint", nullable: false),
                    reviewed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reviewed_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_behaviour_reviews", x => x.behaviour_event_id);
                    table.ForeignKey(
                        name: "fk_behaviour_reviews_behaviour_events_behaviour_event_id",
                        column: x => x.behaviour_event_id,
                        principalTable: "behaviour_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessment_grades",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    enrolment_id = table.Column<int>(type: "integer", nullable: false),
                    data_point_id = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effort = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "case_actions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    what = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    done = table.Column<bool>(type: "boolean", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_actions_intervention_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "intervention_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    from_stage = table.Column<int>(type: "integer", nullable: true),
                    to_stage = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_intervention_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "intervention_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_days",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    on_report_id = table.Column<long>(type: "bigint", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    met = table.Column<int>(type: "integer", nullable: false),
                    of = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_by_staff_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_days", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_days_on_reports_on_report_id",
                        column: x => x.on_report_id,
                        principalTable: "on_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    set_in_meeting_id = table.Column<long>(type: "bigint", nullable: false),
                    reviewed_in_meeting_id = table.Column<long>(type: "bigint", nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    owner = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    owner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    due = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    review_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "safeguarding_attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    referral_id = table.Column<long>(type: "bigint", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_attachments_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_attachments_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_attachments_staff_uploaded_by_staff_id",
                        column: x => x.uploaded_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_attachments_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_body_marks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    referral_id = table.Column<long>(type: "bigint", nullable: false),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    side = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    region = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    owner_staff_id = table.Column<int>(type: "integer", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    shared_with_owner = table.Column<bool>(type: "boolean", nullable: false),
                    done_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    done_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    done_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    agency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    consent = table.Column<bool>(type: "boolean", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "safeguarding_involvements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    referral_id = table.Column<long>(type: "bigint", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    linked_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    linked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_involvements", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_involvements_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_involvements_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_involvements_staff_linked_by_staff_id",
                        column: x => x.linked_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_involvements_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safeguarding_shares",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    referral_id = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false),
                    shared_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    shared_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safeguarding_shares", x => x.id);
                    table.ForeignKey(
                        name: "fk_safeguarding_shares_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_shares_referrals_referral_id",
                        column: x => x.referral_id,
                        principalTable: "referrals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_shares_staff_shared_by_staff_id",
                        column: x => x.shared_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_safeguarding_shares_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "support_plan_contributors",
                columns: table => new
                {
                    plan_id = table.Column<long>(type: "bigint", nullable: false),
                    staff_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_plan_contributors", x => new { x.plan_id, x.staff_id });
                    table.ForeignKey(
                        name: "fk_support_plan_contributors_staff_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plan_contributors_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_plan_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    plan_id = table.Column<long>(type: "bigint", nullable: false),
                    institution_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    owner_staff_id = table.Column<int>(type: "integer", nullable: true),
                    done_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    done_by_staff_id = table.Column<int>(type: "integer", nullable: true),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_plan_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_plan_steps_institutions_institution_id",
                        column: x => x.institution_id,
                        principalTable: "institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plan_steps_staff_done_by_staff_id",
                        column: x => x.done_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plan_steps_staff_owner_staff_id",
                        column: x => x.owner_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plan_steps_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plan_steps_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_plan_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    plan_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    saved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    saved_by_staff_id = table.Column<int>(type: "integer", nullable: false),
                    sections = table.Column<string>(type: "character varying(48768)", maxLength: 48768, nullable: false),
                    student_view = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    parent_view = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    strategies = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_plan_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_plan_versions_staff_saved_by_staff_id",
                        column: x => x.saved_by_staff_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plan_versions_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "support_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "offer_conditions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    choice_id = table.Column<long>(type: "bigint", nullable: false),
                    course_id = table.Column<int>(type: "integer", nullable: true),
                    grade = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offer_conditions", x => x.id);
                    table.ForeignKey(
                        name: "fk_offer_conditions_application_choices_choice_id",
                        column: x => x.choice_id,
                        principalTable: "application_choices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_offer_conditions_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
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
                name: "ix_academic_years_institution_id_name",
                table: "academic_years",
                columns: new[] { "institution_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_application_choices_application_id",
                table: "application_choices",
                column: "application_id");

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
                name: "ix_attendance_marks_no_reason",
                table: "attendance_marks",
                columns: new[] { "student_id", "date" },
                filter: "code = 'N'");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_institution_id_at",
                table: "audit_events",
                columns: new[] { "institution_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_student_id",
                table: "audit_events",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_bank_targets_institution_id_area",
                table: "bank_targets",
                columns: new[] { "institution_id", "area" });

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
                name: "ix_behaviour_incidents_institution_id_on",
                table: "behaviour_incidents",
                columns: new[] { "institution_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_actions_case_id_done_due",
                table: "case_actions",
                columns: new[] { "case_id", "done", "due" });

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id_at",
                table: "case_events",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_caseload_members_student_id",
                table: "caseload_members",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_change_reasons_institution_id_name",
                table: "change_reasons",
                columns: new[] { "institution_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_closures_institution_id_start_date",
                table: "closures",
                columns: new[] { "institution_id", "start_date" });

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
                name: "ix_data_point_courses_course_id",
                table: "data_point_courses",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_points_institution_id_name",
                table: "data_points",
                columns: new[] { "institution_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_destination_activities_institution_id",
                table: "destination_activities",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_destination_activities_recorded_by_staff_id",
                table: "destination_activities",
                column: "recorded_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_destination_activities_student_id_from",
                table: "destination_activities",
                columns: new[] { "student_id", "from" });

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
                name: "ix_incident_students_student_id",
                table: "incident_students",
                column: "student_id");

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
                name: "ix_institutions_code",
                table: "institutions",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_intervention_cases_institution_id",
                table: "intervention_cases",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_intervention_cases_owner_staff_id_status_next_review",
                table: "intervention_cases",
                columns: new[] { "owner_staff_id", "status", "next_review" });

            migrationBuilder.CreateIndex(
                name: "ix_intervention_cases_student_id_status",
                table: "intervention_cases",
                columns: new[] { "student_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_intervention_stages_institution_id_number",
                table: "intervention_stages",
                columns: new[] { "institution_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_letter_templates_institution_id_key",
                table: "letter_templates",
                columns: new[] { "institution_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_offer_conditions_choice_id",
                table: "offer_conditions",
                column: "choice_id");

            migrationBuilder.CreateIndex(
                name: "ix_offer_conditions_course_id",
                table: "offer_conditions",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_on_reports_student_id_from",
                table: "on_reports",
                columns: new[] { "student_id", "from" });

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
                name: "ix_reference_cycles_institution_id_name",
                table: "reference_cycles",
                columns: new[] { "institution_id", "name" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_report_days_on_report_id_date",
                table: "report_days",
                columns: new[] { "on_report_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_results_follow_ups_application_id",
                table: "results_follow_ups",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_results_follow_ups_staff_id",
                table: "results_follow_ups",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_indicators_institution_id_code",
                table: "risk_indicators",
                columns: new[] { "institution_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_weight_sets_institution_id",
                table: "risk_weight_sets",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_access_granted_by_staff_id",
                table: "safeguarding_access",
                column: "granted_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_access_institution_id",
                table: "safeguarding_access",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_access_staff_id",
                table: "safeguarding_access",
                column: "staff_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_attachments_institution_id",
                table: "safeguarding_attachments",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_attachments_referral_id",
                table: "safeguarding_attachments",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_attachments_student_id",
                table: "safeguarding_attachments",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_attachments_uploaded_by_staff_id",
                table: "safeguarding_attachments",
                column: "uploaded_by_staff_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_erasures_by_staff_id",
                table: "safeguarding_erasures",
                column: "by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_erasures_institution_id",
                table: "safeguarding_erasures",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_erasures_student_id",
                table: "safeguarding_erasures",
                column: "student_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_involvements_institution_id",
                table: "safeguarding_involvements",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_involvements_linked_by_staff_id",
                table: "safeguarding_involvements",
                column: "linked_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_involvements_referral_id_student_id",
                table: "safeguarding_involvements",
                columns: new[] { "referral_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_involvements_student_id",
                table: "safeguarding_involvements",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_received_files_institution_id_bundle_id",
                table: "safeguarding_received_files",
                columns: new[] { "institution_id", "bundle_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_received_files_received_by_staff_id",
                table: "safeguarding_received_files",
                column: "received_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_received_files_student_id",
                table: "safeguarding_received_files",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_shares_institution_id",
                table: "safeguarding_shares",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_shares_referral_id_staff_id",
                table: "safeguarding_shares",
                columns: new[] { "referral_id", "staff_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_shares_shared_by_staff_id",
                table: "safeguarding_shares",
                column: "shared_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_shares_staff_id",
                table: "safeguarding_shares",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_transfers_bundle_id",
                table: "safeguarding_transfers",
                column: "bundle_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_transfers_institution_id",
                table: "safeguarding_transfers",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_transfers_prepared_by_staff_id",
                table: "safeguarding_transfers",
                column: "prepared_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_safeguarding_transfers_student_id",
                table: "safeguarding_transfers",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_sanctions_student_id_on",
                table: "sanctions",
                columns: new[] { "student_id", "on" });

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
                name: "ix_student_summaries_institution_id_risk_score",
                table: "student_summaries",
                columns: new[] { "institution_id", "risk_score" });

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
                name: "ix_support_plan_contributors_staff_id",
                table: "support_plan_contributors",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plan_steps_done_by_staff_id",
                table: "support_plan_steps",
                column: "done_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plan_steps_institution_id_done_at_due_on",
                table: "support_plan_steps",
                columns: new[] { "institution_id", "done_at", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_support_plan_steps_owner_staff_id",
                table: "support_plan_steps",
                column: "owner_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plan_steps_plan_id_due_on",
                table: "support_plan_steps",
                columns: new[] { "plan_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_support_plan_steps_student_id",
                table: "support_plan_steps",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plan_versions_plan_id_number",
                table: "support_plan_versions",
                columns: new[] { "plan_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_plan_versions_saved_by_staff_id",
                table: "support_plan_versions",
                column: "saved_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_created_by_staff_id",
                table: "support_plans",
                column: "created_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_institution_id_kind",
                table: "support_plans",
                columns: new[] { "institution_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_owner_staff_id",
                table: "support_plans",
                column: "owner_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_student_id_ended_on",
                table: "support_plans",
                columns: new[] { "student_id", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_updated_by_staff_id",
                table: "support_plans",
                column: "updated_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_target_bands_institution_id_scale_from",
                table: "target_bands",
                columns: new[] { "institution_id", "scale", "from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_target_changes_enrolment_id",
                table: "target_changes",
                column: "enrolment_id");

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
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_sessions_user_id",
                table: "user_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_staff_id",
                table: "users",
                column: "staff_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_year_group_assistants_staff_id",
                table: "year_group_assistants",
                column: "staff_id");

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
            migrationBuilder.Sql(HistoryTriggers.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(HistoryTriggers.PostgresDown);

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
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "bank_targets");

            migrationBuilder.DropTable(
                name: "behaviour_reviews");

            migrationBuilder.DropTable(
                name: "case_actions");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "caseload_members");

            migrationBuilder.DropTable(
                name: "closures");

            migrationBuilder.DropTable(
                name: "contributions");

            migrationBuilder.DropTable(
                name: "course_changes");

            migrationBuilder.DropTable(
                name: "covers");

            migrationBuilder.DropTable(
                name: "data_point_courses");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "destination_activities");

            migrationBuilder.DropTable(
                name: "grades");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "incident_students");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "institution_logos");

            migrationBuilder.DropTable(
                name: "intervention_stages");

            migrationBuilder.DropTable(
                name: "letter_templates");

            migrationBuilder.DropTable(
                name: "offer_conditions");

            migrationBuilder.DropTable(
                name: "one_to_one_priorities");

            migrationBuilder.DropTable(
                name: "parent_contacts");

            migrationBuilder.DropTable(
                name: "plan_targets");

            migrationBuilder.DropTable(
                name: "report_days");

            migrationBuilder.DropTable(
                name: "results_follow_ups");

            migrationBuilder.DropTable(
                name: "risk_weight_sets");

            migrationBuilder.DropTable(
                name: "safeguarding_access");

            migrationBuilder.DropTable(
                name: "safeguarding_attachments");

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

            migrationBuilder.DropTable(
                name: "safeguarding_erasures");

            migrationBuilder.DropTable(
                name: "safeguarding_involvements");

            migrationBuilder.DropTable(
                name: "safeguarding_received_files");

            migrationBuilder.DropTable(
                name: "safeguarding_shares");

            migrationBuilder.DropTable(
                name: "safeguarding_transfers");

            migrationBuilder.DropTable(
                name: "sanctions");

            migrationBuilder.DropTable(
                name: "staff_roles");

            migrationBuilder.DropTable(
                name: "student_contacts");

            migrationBuilder.DropTable(
                name: "student_photos");

            migrationBuilder.DropTable(
                name: "student_summaries");

            migrationBuilder.DropTable(
                name: "support_plan_contributors");

            migrationBuilder.DropTable(
                name: "support_plan_steps");

            migrationBuilder.DropTable(
                name: "support_plan_versions");

            migrationBuilder.DropTable(
                name: "target_bands");

            migrationBuilder.DropTable(
                name: "target_changes");

            migrationBuilder.DropTable(
                name: "terms");

            migrationBuilder.DropTable(
                name: "tutor_team_members");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_sessions");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "wellbeing_notes");

            migrationBuilder.DropTable(
                name: "year_group_assistants");

            migrationBuilder.DropTable(
                name: "behaviour_events");

            migrationBuilder.DropTable(
                name: "intervention_cases");

            migrationBuilder.DropTable(
                name: "change_reasons");

            migrationBuilder.DropTable(
                name: "data_points");

            migrationBuilder.DropTable(
                name: "behaviour_incidents");

            migrationBuilder.DropTable(
                name: "risk_indicators");

            migrationBuilder.DropTable(
                name: "application_choices");

            migrationBuilder.DropTable(
                name: "one_to_one_meetings");

            migrationBuilder.DropTable(
                name: "on_reports");

            migrationBuilder.DropTable(
                name: "support_plans");

            migrationBuilder.DropTable(
                name: "enrolments");

            migrationBuilder.DropTable(
                name: "academic_years");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "wellbeing_cases");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "reference_cycles");

            migrationBuilder.DropTable(
                name: "grade_scales");

            migrationBuilder.DropTable(
                name: "students");

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
