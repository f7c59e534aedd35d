using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jukebox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Player : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EpisodeResumePoints",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    EpisodeId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    ResumePositionMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FullyPlayed = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpisodeResumePoints", x => new { x.UserId, x.EpisodeId });
                    table.ForeignKey(
                        name: "FK_EpisodeResumePoints_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlayHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    TrackId = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    ContextUri = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PlayedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlayHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlayHistory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlayerDevices",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VolumePercent = table.Column<int>(type: "INTEGER", nullable: true),
                    SupportsVolume = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsRestricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPrivateSession = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActiveAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlayerDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlayerDevices_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlayerSessions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContextUri = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ContextItems = table.Column<string>(type: "TEXT", nullable: false),
                    PlayOrder = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentUri = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CurrentFromQueue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Queue = table.Column<string>(type: "TEXT", nullable: false),
                    IsPlaying = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProgressMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ListenedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RepeatState = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ShuffleState = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClockOffsetMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlayerSessions", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_PlayerSessions_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlayHistory_UserId_PlayedAt",
                table: "PlayHistory",
                columns: new[] { "UserId", "PlayedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlayerDevices_UserId",
                table: "PlayerDevices",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EpisodeResumePoints");

            migrationBuilder.DropTable(
                name: "PlayHistory");

            migrationBuilder.DropTable(
                name: "PlayerDevices");

            migrationBuilder.DropTable(
                name: "PlayerSessions");
        }
    }
}
