using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jukebox.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FaultsAndRequestOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClientErrors",
                table: "AppRequestCounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RateLimited",
                table: "AppRequestCounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ServerErrors",
                table: "AppRequestCounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "FaultRules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Path = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    RetryAfter = table.Column<int>(type: "integer", nullable: true),
                    LatencyMs = table.Column<int>(type: "integer", nullable: true),
                    ResetConnection = table.Column<bool>(type: "boolean", nullable: false),
                    Probability = table.Column<double>(type: "double precision", nullable: false),
                    Remaining = table.Column<int>(type: "integer", nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FaultRules", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FaultRules");

            migrationBuilder.DropColumn(
                name: "ClientErrors",
                table: "AppRequestCounts");

            migrationBuilder.DropColumn(
                name: "RateLimited",
                table: "AppRequestCounts");

            migrationBuilder.DropColumn(
                name: "ServerErrors",
                table: "AppRequestCounts");
        }
    }
}
