using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caseload.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SafeguardingAccessLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safeguarding_access",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    categories = table.Column<string>(type: "TEXT", maxLength: 488, nullable: true),
                    year_group_ids = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    granted_by_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    granted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "safeguarding_shares",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    institution_id = table.Column<int>(type: "INTEGER", nullable: false),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    shared_by_staff_id = table.Column<int>(type: "INTEGER", nullable: false),
                    shared_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safeguarding_access");

            migrationBuilder.DropTable(
                name: "safeguarding_shares");
        }
    }
}
