#!/usr/bin/env bash
# Only while nothing has shipped: rebuild the Initial migration of both providers from the model, with the history triggers.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/Caseload.Data.Sqlite/Migrations src/Caseload.Data.Postgres/Migrations
dotnet run --project tools/Caseload.Migrations -- add Initial
python3 - <<'PY'
import glob
for prov in ("Sqlite", "Postgres"):
    f = glob.glob(f"src/Caseload.Data.{prov}/Migrations/*_Initial.cs")[0]
    s = open(f).read()
    i = s.index("        /// <inheritdoc />\n        protected override void Down")
    j = s.rindex("        }\n", 0, i)
    s = s[:j] + f"\n            // Corrections keep their previous value in the database itself (see HistoryTriggers).\n            migrationBuilder.Sql(HistoryTriggers.{prov});\n" + s[j:]
    head = "protected override void Down(MigrationBuilder migrationBuilder)\n        {\n"
    k = s.index(head) + len(head)
    s = s[:k] + f"            migrationBuilder.Sql(HistoryTriggers.{prov}Down);\n\n" + s[k:]
    s = s.replace("using Microsoft.EntityFrameworkCore.Migrations;", "using Caseload.Core.Data;\nusing Microsoft.EntityFrameworkCore.Migrations;", 1)
    if prov == "Sqlite":
        # The marks table is clustered on its natural key (WITHOUT ROWID): one B-tree instead of two.
        i = s.index('            migrationBuilder.CreateTable(\n                name: "attendance_marks",')
        j = s.index('            migrationBuilder.CreateTable(', i + 10)
        s = s[:i] + '            // One B-tree clustered on the natural key instead of a rowid table plus an index (see docs/decisions).\n            migrationBuilder.Sql(SqliteSchema.AttendanceMarksTable);\n\n' + s[j:]
        s = s.replace("using Caseload.Core.Data;", "using Caseload.Core.Data;\nusing Caseload.Data.Sqlite;", 1)
    open(f, "w").write(s)
PY
