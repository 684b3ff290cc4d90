using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiftCalibrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lift_calibrations",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    test = table.Column<string>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    incremental_usd = table.Column<double>(type: "REAL", nullable: false),
                    low_usd = table.Column<double>(type: "REAL", nullable: false),
                    high_usd = table.Column<double>(type: "REAL", nullable: false),
                    spend_change = table.Column<double>(type: "REAL", nullable: false),
                    spend_change_stated = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lift_calibrations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lift_calibrations_test",
                table: "lift_calibrations",
                column: "test",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lift_calibrations");
        }
    }
}
