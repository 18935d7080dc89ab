using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caseload.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SafeguardingAccessSupportPlansRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safeguarding_access");

            migrationBuilder.DropTable(
                name: "safeguarding_attachments");

            migrationBuilder.DropTable(
                name: "safeguarding_erasures");

            migrationBuilder.DropTable(
                name: "safeguarding_involvements");

            migrationBuilder.DropTable(
                name: "safeguarding_shares");

            migrationBuilder.DropTable(
                name: "support_plan_contributors");

            migrationBuilder.DropTable(
                name: "support_plan_steps");

            migrationBuilder.DropTable(
                name: "support_plan_versions");

            migrationBuilder.DropTable(
                name: "support_plans");
        }
    }
}
