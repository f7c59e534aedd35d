using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jukebox.Data.Sqlite.Migrations
{
    /// <summary>
    /// The catalog's stamp (<see cref="CatalogRevision"/>): its table, and triggers on every catalog table
    /// that raise it. SQLite's triggers run per row.
    /// </summary>
    public partial class CatalogRevisions : Migration
    {
        private static readonly string[] Events = ["INSERT", "UPDATE", "DELETE"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "{CatalogRevision.Table}" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_{CatalogRevision.Table}" PRIMARY KEY,
                    "Generation" TEXT NOT NULL,
                    "Value" INTEGER NOT NULL);
                INSERT INTO "{CatalogRevision.Table}" VALUES (1, lower(hex(randomblob(16))), 0);
                """);
            foreach (var table in CatalogRevision.CatalogTables)
            {
                foreach (var change in Events)
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{Trigger(table, change)}" AFTER {change} ON "{table}"
                        BEGIN UPDATE "{CatalogRevision.Table}" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in CatalogRevision.CatalogTables)
            {
                foreach (var change in Events)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{Trigger(table, change)}\";");
                }
            }
            migrationBuilder.Sql($"DROP TABLE \"{CatalogRevision.Table}\";");
        }

        private static string Trigger(string table, string change) => $"{table}_{change.ToLowerInvariant()}_revision";
    }
}
