using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jukebox.Data.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Episodes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Chapters",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Audiobooks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Artists",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Images",
                table: "Albums",
                type: "text",
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
