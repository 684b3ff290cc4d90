using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "brands",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    gross_margin_bp = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_brands", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "channels",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    is_paid = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "definitions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    intent_group = table.Column<string>(type: "TEXT", nullable: false),
                    default_source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", nullable: false),
                    user = table.Column<string>(type: "TEXT", nullable: false),
                    started_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", nullable: false),
                    rows_read = table.Column<long>(type: "INTEGER", nullable: false),
                    inserted = table.Column<long>(type: "INTEGER", nullable: false),
                    replaced = table.Column<long>(type: "INTEGER", nullable: false),
                    erased = table.Column<long>(type: "INTEGER", nullable: false),
                    error_count = table.Column<int>(type: "INTEGER", nullable: false),
                    errors_json = table.Column<string>(type: "TEXT", nullable: false),
                    rolled_back_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "saved_scenarios",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    owner = table.Column<string>(type: "TEXT", nullable: false),
                    created_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    period_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    spend_per_day_json = table.Column<string>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saved_scenarios", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_flights",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    campaign_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    channel_id = table.Column<int>(type: "INTEGER", nullable: false),
                    start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    objective = table.Column<string>(type: "TEXT", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_flights", x => x.id);
                    table.ForeignKey(
                        name: "FK_campaign_flights_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_campaign_flights_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_campaign_flights_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fx_rates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    month = table.Column<string>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", nullable: false),
                    usd_rate = table.Column<double>(type: "REAL", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fx_rates", x => x.id);
                    table.ForeignKey(
                        name: "FK_fx_rates_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "markets",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    region_id = table.Column<int>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", nullable: false),
                    hemisphere = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_markets", x => x.id);
                    table.ForeignKey(
                        name: "FK_markets_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aliases",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    alias = table.Column<string>(type: "TEXT", nullable: false),
                    definition_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aliases", x => x.id);
                    table.ForeignKey(
                        name: "FK_aliases_definitions_definition_id",
                        column: x => x.definition_id,
                        principalTable: "definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_aliases_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "context",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: true),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_context", x => x.id);
                    table.ForeignKey(
                        name: "FK_context_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_context_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "holdout_tests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    test = table.Column<string>(type: "TEXT", nullable: false),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    group = table.Column<string>(type: "TEXT", nullable: false),
                    start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holdout_tests", x => x.id);
                    table.ForeignKey(
                        name: "FK_holdout_tests_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_holdout_tests_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "holidays",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holidays", x => x.id);
                    table.ForeignKey(
                        name: "FK_holidays_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "journeys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    journey_id = table.Column<string>(type: "TEXT", nullable: false),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    timestamp_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    channel_id = table.Column<int>(type: "INTEGER", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", nullable: false),
                    revenue = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journeys", x => x.id);
                    table.ForeignKey(
                        name: "FK_journeys_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_journeys_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_journeys_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "micro_conversions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    channel_id = table.Column<int>(type: "INTEGER", nullable: false),
                    campaign_id = table.Column<int>(type: "INTEGER", nullable: false),
                    definition_id = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_micro_conversions", x => x.id);
                    table.ForeignKey(
                        name: "FK_micro_conversions_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_micro_conversions_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_micro_conversions_definitions_definition_id",
                        column: x => x.definition_id,
                        principalTable: "definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_micro_conversions_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_micro_conversions_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    brand_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sku = table.Column<string>(type: "TEXT", nullable: false),
                    orders = table.Column<long>(type: "INTEGER", nullable: false),
                    units = table.Column<long>(type: "INTEGER", nullable: false),
                    revenue = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sales", x => x.id);
                    table.ForeignKey(
                        name: "FK_sales_brands_brand_id",
                        column: x => x.brand_id,
                        principalTable: "brands",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sales_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sales_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "spend",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    channel_id = table.Column<int>(type: "INTEGER", nullable: false),
                    campaign_id = table.Column<int>(type: "INTEGER", nullable: false),
                    spend = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spend", x => x.id);
                    table.ForeignKey(
                        name: "FK_spend_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_spend_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_spend_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_spend_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    definition_id = table.Column<int>(type: "INTEGER", nullable: false),
                    respondent_id = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_responses", x => x.id);
                    table.ForeignKey(
                        name: "FK_survey_responses_definitions_definition_id",
                        column: x => x.definition_id,
                        principalTable: "definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_survey_responses_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_survey_responses_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "traffic",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    market_id = table.Column<int>(type: "INTEGER", nullable: false),
                    channel_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sessions = table.Column<long>(type: "INTEGER", nullable: false),
                    non_purchase_sessions = table.Column<long>(type: "INTEGER", nullable: false),
                    non_purchase_reported = table.Column<bool>(type: "INTEGER", nullable: false),
                    import_id = table.Column<int>(type: "INTEGER", nullable: false),
                    superseded_by = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traffic", x => x.id);
                    table.ForeignKey(
                        name: "FK_traffic_channels_channel_id",
                        column: x => x.channel_id,
                        principalTable: "channels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_traffic_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_traffic_markets_market_id",
                        column: x => x.market_id,
                        principalTable: "markets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aliases_definition_id",
                table: "aliases",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "IX_aliases_market_id_alias",
                table: "aliases",
                columns: new[] { "market_id", "alias" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_brands_key",
                table: "brands",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaign_flights_channel_id",
                table: "campaign_flights",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_flights_import_id",
                table: "campaign_flights",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_flights_superseded_by",
                table: "campaign_flights",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_campaign_flights_natural_key",
                table: "campaign_flights",
                column: "campaign_id",
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_key",
                table: "campaigns",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_channels_key",
                table: "channels",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_context_import_id",
                table: "context",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_context_market_id",
                table: "context",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_context_superseded_by",
                table: "context",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_context_natural_key",
                table: "context",
                columns: new[] { "date", "market_id", "type" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_definitions_key",
                table: "definitions",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fx_rates_import_id",
                table: "fx_rates",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_fx_rates_superseded_by",
                table: "fx_rates",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_fx_rates_natural_key",
                table: "fx_rates",
                columns: new[] { "month", "currency" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_holdout_tests_import_id",
                table: "holdout_tests",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_holdout_tests_market_id",
                table: "holdout_tests",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_holdout_tests_superseded_by",
                table: "holdout_tests",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_holdout_tests_natural_key",
                table: "holdout_tests",
                columns: new[] { "test", "market_id" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_holidays_market_id_date",
                table: "holidays",
                columns: new[] { "market_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_journeys_channel_id",
                table: "journeys",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_journeys_import_id",
                table: "journeys",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_journeys_market_id",
                table: "journeys",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_journeys_superseded_by",
                table: "journeys",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_journeys_natural_key",
                table: "journeys",
                columns: new[] { "journey_id", "market_id", "timestamp_utc", "channel_id", "event" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_markets_code",
                table: "markets",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_markets_region_id",
                table: "markets",
                column: "region_id");

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
                name: "ix_micro_conversions_import_id",
                table: "micro_conversions",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_micro_conversions_market_id",
                table: "micro_conversions",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_micro_conversions_superseded_by",
                table: "micro_conversions",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_micro_conversions_natural_key",
                table: "micro_conversions",
                columns: new[] { "date", "market_id", "channel_id", "campaign_id", "definition_id", "source" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_regions_key",
                table: "regions",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sales_brand_id",
                table: "sales",
                column: "brand_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_import_id",
                table: "sales",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_sales_market_id",
                table: "sales",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_superseded_by",
                table: "sales",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_sales_natural_key",
                table: "sales",
                columns: new[] { "date", "market_id", "brand_id", "sku" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_saved_scenarios_owner_name",
                table: "saved_scenarios",
                columns: new[] { "owner", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spend_campaign_id",
                table: "spend",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "IX_spend_channel_id",
                table: "spend",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_spend_import_id",
                table: "spend",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_spend_market_id",
                table: "spend",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_spend_superseded_by",
                table: "spend",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_spend_natural_key",
                table: "spend",
                columns: new[] { "date", "market_id", "channel_id", "campaign_id" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_definition_id",
                table: "survey_responses",
                column: "definition_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_import_id",
                table: "survey_responses",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_survey_responses_market_id",
                table: "survey_responses",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_respondent_id",
                table: "survey_responses",
                column: "respondent_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_superseded_by",
                table: "survey_responses",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_survey_responses_natural_key",
                table: "survey_responses",
                columns: new[] { "date", "market_id", "definition_id", "respondent_id" },
                unique: true,
                filter: "superseded_by IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_traffic_channel_id",
                table: "traffic",
                column: "channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_traffic_import_id",
                table: "traffic",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "IX_traffic_market_id",
                table: "traffic",
                column: "market_id");

            migrationBuilder.CreateIndex(
                name: "ix_traffic_superseded_by",
                table: "traffic",
                column: "superseded_by");

            migrationBuilder.CreateIndex(
                name: "ux_traffic_natural_key",
                table: "traffic",
                columns: new[] { "date", "market_id", "channel_id" },
                unique: true,
                filter: "superseded_by IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aliases");

            migrationBuilder.DropTable(
                name: "campaign_flights");

            migrationBuilder.DropTable(
                name: "context");

            migrationBuilder.DropTable(
                name: "fx_rates");

            migrationBuilder.DropTable(
                name: "holdout_tests");

            migrationBuilder.DropTable(
                name: "holidays");

            migrationBuilder.DropTable(
                name: "journeys");

            migrationBuilder.DropTable(
                name: "micro_conversions");

            migrationBuilder.DropTable(
                name: "sales");

            migrationBuilder.DropTable(
                name: "saved_scenarios");

            migrationBuilder.DropTable(
                name: "spend");

            migrationBuilder.DropTable(
                name: "survey_responses");

            migrationBuilder.DropTable(
                name: "traffic");

            migrationBuilder.DropTable(
                name: "brands");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "definitions");

            migrationBuilder.DropTable(
                name: "channels");

            migrationBuilder.DropTable(
                name: "imports");

            migrationBuilder.DropTable(
                name: "markets");

            migrationBuilder.DropTable(
                name: "regions");
        }
    }
}
