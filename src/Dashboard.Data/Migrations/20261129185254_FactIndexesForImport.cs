using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class FactIndexesForImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_traffic_channel_id",
                table: "traffic");

            migrationBuilder.DropIndex(
                name: "IX_traffic_market_id",
                table: "traffic");

            migrationBuilder.DropIndex(
                name: "ix_traffic_superseded_by",
                table: "traffic");

            migrationBuilder.DropIndex(
                name: "IX_survey_responses_definition_id",
                table: "survey_responses");

            migrationBuilder.DropIndex(
                name: "IX_survey_responses_market_id",
                table: "survey_responses");

            migrationBuilder.DropIndex(
                name: "ix_survey_responses_superseded_by",
                table: "survey_responses");

            migrationBuilder.DropIndex(
                name: "IX_spend_campaign_id",
                table: "spend");

            migrationBuilder.DropIndex(
                name: "IX_spend_channel_id",
                table: "spend");

            migrationBuilder.DropIndex(
                name: "IX_spend_market_id",
                table: "spend");

            migrationBuilder.DropIndex(
                name: "ix_spend_superseded_by",
                table: "spend");

            migrationBuilder.DropIndex(
                name: "IX_sales_brand_id",
                table: "sales");

            migrationBuilder.DropIndex(
                name: "IX_sales_market_id",
                table: "sales");

            migrationBuilder.DropIndex(
                name: "ix_sales_superseded_by",
                table: "sales");

            migrationBuilder.DropIndex(
                name: "IX_micro_conversions_campaign_id",
                table: "micro_conversions");

            migrationBuilder.DropIndex(
                name: "IX_micro_conversions_channel_id",
                table: "micro_conversions");

            migrationBuilder.DropIndex(
                name: "IX_micro_conversions_definition_id",
                table: "micro_conversions");

            migrationBuilder.DropIndex(
                name: "IX_micro_conversions_market_id",
                table: "micro_conversions");

            migrationBuilder.DropIndex(
                name: "ix_micro_conversions_superseded_by",
                table: "micro_conversions");

            migrationBuilder.DropIndex(
                name: "IX_journeys_channel_id",
                table: "journeys");

            migrationBuilder.DropIndex(
                name: "IX_journeys_market_id",
                table: "journeys");

            migrationBuilder.DropIndex(
                name: "ix_journeys_superseded_by",
                table: "journeys");

            migrationBuilder.DropIndex(
                name: "IX_holdout_tests_market_id",
                table: "holdout_tests");

            migrationBuilder.DropIndex(
                name: "ix_holdout_tests_superseded_by",
                table: "holdout_tests");

            migrationBuilder.DropIndex(
                name: "ix_fx_rates_superseded_by",
                table: "fx_rates");

            migrationBuilder.DropIndex(
                name: "IX_context_market_id",
                table: "context");

            migrationBuilder.DropIndex(
                name: "ix_context_superseded_by",
                table: "context");

            migrationBuilder.DropIndex(
                name: "IX_campaign_flights_channel_id",
                table: "campaign_flights");

            migrationBuilder.DropIndex(
                name: "ix_campaign_flights_superseded_by",
                table: "campaign_flights");

            migrationBuilder.CreateIndex(
                name: "ix_traffic_superseded_by",
                table: "traffic",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_superseded_by",
                table: "survey_responses",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_spend_superseded_by",
                table: "spend",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sales_superseded_by",
                table: "sales",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_micro_conversions_superseded_by",
                table: "micro_conversions",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_journeys_superseded_by",
                table: "journeys",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_holdout_tests_superseded_by",
                table: "holdout_tests",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_fx_rates_superseded_by",
                table: "fx_rates",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_context_superseded_by",
                table: "context",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_flights_superseded_by",
                table: "campaign_flights",
                column: "superseded_by",
                filter: "superseded_by IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_traffic_superseded_by",
                table: "traffic");

            migrationBuilder.DropIndex(
                name: "ix_survey_responses_superseded_by",
                table: "survey_responses");

            migrationBuilder.DropIndex(
                name: "ix_spend_superseded_by",
                table: "spend");

            migrationBuilder.DropIndex(
                name: "ix_sales_superseded_by",
                table: "sales");

            migrationBuilder.DropIndex(
                name: "ix_micro_conversions_superseded_by",
                table: "micro_conversions");

            migrationBuilder.DropIndex(
                name: "ix_journeys_superseded_by",
                table: "journeys");

            migrationBuilder.DropIndex(
                name: "ix_holdout_tests_superseded_by",
                table: "holdout_tests");

            migrationBuilder.DropIndex(
                name: "ix_fx_rates_superseded_by",
                table: "fx_rates");

            migrationBuilder.DropIndex(
                name: "ix_context_superseded_by",
                table: "context");

            migrationBuilder.DropIndex(
                name: "ix_campaign_flights_superseded_by",
                table: "campaign_flights");

            migrationBuilder.CreateIndex(
                name: "IX_traffic_channel_id",
                table: "traffic",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "IX_traffic_market_id",
                table: "traffic",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_traffic_superseded_by",
                table: "traffic",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_definition_id",
                table: "survey_responses",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_market_id",
                table: "survey_responses",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_superseded_by",
                table: "survey_responses",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "IX_spend_campaign_id",
                table: "spend",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "IX_spend_channel_id",
                table: "spend",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "IX_spend_market_id",
                table: "spend",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_spend_superseded_by",
                table: "spend",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "IX_sales_brand_id",
                table: "sales",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "IX_sales_market_id",
                table: "sales",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_superseded_by",
                table: "sales",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "IX_micro_conversions_campaign_id",
                table: "micro_conversions",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "IX_micro_conversions_channel_id",
                table: "micro_conversions",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "IX_micro_conversions_definition_id",
                table: "micro_conversions",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "IX_micro_conversions_market_id",
                table: "micro_conversions",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_micro_conversions_superseded_by",
                table: "micro_conversions",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "IX_journeys_channel_id",
                table: "journeys",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "IX_journeys_market_id",
                table: "journeys",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_journeys_superseded_by",
                table: "journeys",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "IX_holdout_tests_market_id",
                table: "holdout_tests",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_holdout_tests_superseded_by",
                table: "holdout_tests",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ix_fx_rates_superseded_by",
                table: "fx_rates",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "IX_context_market_id",
                table: "context",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_context_superseded_by",
                table: "context",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "IX_campaign_flights_channel_id",
                table: "campaign_flights",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_flights_superseded_by",
                table: "campaign_flights",
                column: "superseded_by");
        }
    }
}
