using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jukebox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UserPlaylists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoverAlbumIds",
                table: "Playlists",
                type: "TEXT",
                maxLength: 92,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CoverDepth",
                table: "Playlists",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CustomImageKey",
                table: "Playlists",
                type: "TEXT",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ItemCount",
                table: "Playlists",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Playlists",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AddedInVersion",
                table: "PlaylistItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "PlaylistChanges",
                columns: table => new
                {
                    PlaylistId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Indices = table.Column<string>(type: "TEXT", nullable: true),
                    ItemCountAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaylistChanges", x => new { x.PlaylistId, x.Version });
                    table.ForeignKey(
                        name: "FK_PlaylistChanges_Playlists_PlaylistId",
                        column: x => x.PlaylistId,
                        principalTable: "Playlists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaylistFollows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaylistId = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaylistFollows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlaylistFollows_Playlists_PlaylistId",
                        column: x => x.PlaylistId,
                        principalTable: "Playlists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlaylistFollows_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaylistImages",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    PlaylistId = table.Column<string>(type: "TEXT", nullable: false),
                    Jpeg = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaylistImages", x => x.Key);
                    table.ForeignKey(
                        name: "FK_PlaylistImages_Playlists_PlaylistId",
                        column: x => x.PlaylistId,
                        principalTable: "Playlists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlaylistFollows_PlaylistId",
                table: "PlaylistFollows",
                column: "PlaylistId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaylistFollows_UserId_PlaylistId",
                table: "PlaylistFollows",
                columns: new[] { "UserId", "PlaylistId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlaylistImages_PlaylistId",
                table: "PlaylistImages",
                column: "PlaylistId");

            // Playlists that existed before this migration: their item counts, and their owners'
            // follows (a playlist is in its owner's list until the owner unfollows it). Their cover
            // albums are computed when they are next read or changed (CoverAlbumIds stays null).
            migrationBuilder.Sql("""
                UPDATE "Playlists" SET "ItemCount" = (SELECT COUNT(*) FROM "PlaylistItems" AS i WHERE i."PlaylistId" = "Playlists"."Id");
                INSERT INTO "PlaylistFollows" ("PlaylistId", "UserId", "Public", "FollowedAt")
                    SELECT "Id", "OwnerId", "Public", "CreatedAt" FROM "Playlists" ORDER BY "CreatedAt", "Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlaylistChanges");

            migrationBuilder.DropTable(
                name: "PlaylistFollows");

            migrationBuilder.DropTable(
                name: "PlaylistImages");

            migrationBuilder.DropColumn(
                name: "CoverAlbumIds",
                table: "Playlists");

            migrationBuilder.DropColumn(
                name: "CoverDepth",
                table: "Playlists");

            migrationBuilder.DropColumn(
                name: "CustomImageKey",
                table: "Playlists");

            migrationBuilder.DropColumn(
                name: "ItemCount",
                table: "Playlists");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Playlists");

            migrationBuilder.DropColumn(
                name: "AddedInVersion",
                table: "PlaylistItems");
        }
    }
}
