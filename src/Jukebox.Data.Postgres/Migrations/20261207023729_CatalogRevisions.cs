using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jukebox.Data.Postgres.Migrations
{
    /// <summary>
    /// The catalog's stamp (<see cref="CatalogRevision"/>): its table, a table of the transactions that
    /// changed the catalog, and a trigger on every catalog table (once per statement, truncation included)
    /// that adds its transaction there once. The stamp counts those rows: an insert of a key no other
    /// transaction has takes no lock another waits for, where raising one shared number would make
    /// concurrent catalog writes wait for each other (and could deadlock them); and a count sees only
    /// committed transactions, so it moves exactly when the catalog a reader sees does.
    /// </summary>
    public partial class CatalogRevisions : Migration
    {
        private const string Function = "catalog_revision_raise";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "{CatalogRevision.Table}" (
                    "Id" integer NOT NULL CONSTRAINT "PK_{CatalogRevision.Table}" PRIMARY KEY,
                    "Generation" text NOT NULL,
                    "Value" bigint NOT NULL);
                INSERT INTO "{CatalogRevision.Table}" VALUES (1, md5(random()::text || clock_timestamp()::text), 0);
                CREATE TABLE "{CatalogRevision.ChangesTable}" (
                    "Transaction" bigint NOT NULL CONSTRAINT "PK_{CatalogRevision.ChangesTable}" PRIMARY KEY,
                    "At" timestamp with time zone NOT NULL DEFAULT now());
                CREATE FUNCTION {Function}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "{CatalogRevision.ChangesTable}" ("Transaction") VALUES (txid_current()) ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in CatalogRevision.CatalogTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{Trigger(table)}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION {Function}();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in CatalogRevision.CatalogTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{Trigger(table)}\" ON \"{table}\";");
            }
            migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {Function}(); DROP TABLE \"{CatalogRevision.ChangesTable}\"; DROP TABLE \"{CatalogRevision.Table}\";");
        }

        private static string Trigger(string table) => $"{table}_revision";
    }
}
