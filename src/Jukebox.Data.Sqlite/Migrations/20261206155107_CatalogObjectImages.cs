using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jukebox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CatalogObjectImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Shows",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Episodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Chapters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Audiobooks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Artists",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Albums",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Images",
                table: "Shows");

            migrationBuilder.DropColumn(
                name: "Images",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "Images",
                table: "Chapters");

            migrationBuilder.DropColumn(
                name: "Images",
                table: "Audiobooks");

            migrationBuilder.DropColumn(
                name: "Images",
                table: "Artists");

            migrationBuilder.DropColumn(
                name: "Images",
                table: "Albums");
        }
    }
}
