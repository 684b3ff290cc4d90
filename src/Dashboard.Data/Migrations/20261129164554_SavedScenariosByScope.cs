using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class SavedScenariosByScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_saved_scenarios_owner_name",
                table: "saved_scenarios");

            migrationBuilder.DropColumn(
                name: "created_utc",
                table: "saved_scenarios");

            migrationBuilder.DropColumn(
                name: "currency",
                table: "saved_scenarios");

            migrationBuilder.DropColumn(
                name: "owner",
                table: "saved_scenarios");

            migrationBuilder.DropColumn(
                name: "period_from",
                table: "saved_scenarios");

            migrationBuilder.RenameColumn(
                name: "spend_per_day_json",
                table: "saved_scenarios",
                newName: "saved_utc");

            migrationBuilder.RenameColumn(
                name: "period_to",
                table: "saved_scenarios",
                newName: "author_id");

            migrationBuilder.AddColumn<string>(
                name: "author_email",
                table: "saved_scenarios",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "period",
                table: "saved_scenarios",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "saved_scenarios",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "spend_usd",
                table: "saved_scenarios",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_saved_scenarios_author_id",
                table: "saved_scenarios",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "IX_saved_scenarios_scope_name",
                table: "saved_scenarios",
                columns: new[] { "scope", "name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_saved_scenarios_users_author_id",
                table: "saved_scenarios",
                column: "author_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_saved_scenarios_users_author_id",
                table: "saved_scenarios");

            migrationBuilder.DropIndex(
                name: "IX_saved_scenarios_author_id",
                table: "saved_scenarios");

            migrationBuilder.DropIndex(
                name: "IX_saved_scenarios_scope_name",
                table: "saved_scenarios");

            migrationBuilder.DropColumn(
                name: "author_email",
                table: "saved_scenarios");

            migrationBuilder.DropColumn(
                name: "period",
                table: "saved_scenarios");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "saved_scenarios");

            migrationBuilder.DropColumn(
                name: "spend_usd",
                table: "saved_scenarios");

            migrationBuilder.RenameColumn(
                name: "saved_utc",
                table: "saved_scenarios",
                newName: "spend_per_day_json");

            migrationBuilder.RenameColumn(
                name: "author_id",
                table: "saved_scenarios",
                newName: "period_to");

            migrationBuilder.AddColumn<DateTime>(
                name: "created_utc",
                table: "saved_scenarios",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "currency",
                table: "saved_scenarios",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "owner",
                table: "saved_scenarios",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "period_from",
                table: "saved_scenarios",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_saved_scenarios_owner_name",
                table: "saved_scenarios",
                columns: new[] { "owner", "name" },
                unique: true);
        }
    }
}
