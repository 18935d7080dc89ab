using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SafeguardingSupportPlansWellbeing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "signing_key",
                table: "institutions",
                type: "bytea",
                nullable: true);

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
                name: "support_plan_contributors");

            migrationBuilder.DropTable(
                name: "support_plan_steps");

            migrationBuilder.DropTable(
                name: "support_plan_versions");

            migrationBuilder.DropTable(
                name: "wellbeing_notes");

            migrationBuilder.DropTable(
                name: "support_plans");

            migrationBuilder.DropTable(
                name: "wellbeing_cases");

            migrationBuilder.DropColumn(
                name: "signing_key",
                table: "institutions");
        }
    }
}
