using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jukebox.Data.Postgres.Migrations
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
                type: "character varying(92)",
                maxLength: 92,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CoverDepth",
                table: "Playlists",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CustomImageKey",
                table: "Playlists",
                type: "character varying(22)",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ItemCount",
                table: "Playlists",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "Playlists",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<long>(
                name: "Position",
                table: "PlaylistItems",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<long>(
                name: "AddedInVersion",
                table: "PlaylistItems",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "PlaylistChanges",
                columns: table => new
                {
                    PlaylistId = table.Column<string>(type: "character varying(22)", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Indices = table.Column<string>(type: "text", nullable: true),
                    ItemCountAfter = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlaylistId = table.Column<string>(type: "character varying(22)", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Public = table.Column<bool>(type: "boolean", nullable: false),
                    FollowedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Key = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    PlaylistId = table.Column<string>(type: "character varying(22)", nullable: false),
                    Jpeg = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<int>(
                name: "Position",
                table: "PlaylistItems",
                type: "integer",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint");
        }
    }
}
