using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jukebox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AppRequestCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppRequestCounts",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BucketStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppRequestCounts", x => new { x.ClientId, x.BucketStart });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppRequestCounts");
        }
    }
}
