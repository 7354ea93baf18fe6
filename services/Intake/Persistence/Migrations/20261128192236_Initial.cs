using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Coordination.Intake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_number_counters",
                columns: table => new
                {
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_number_counters", x => new { x.region_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "directory_deactivated_people",
                columns: table => new
                {
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    deactivated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_deactivated_people", x => x.subject);
                });

            migrationBuilder.CreateTable(
                name: "directory_units",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_units", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "identity_counters",
                columns: table => new
                {
                    identity_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cases = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_counters", x => x.identity_hash);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    quarantined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    quarantine_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    unroutable_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "petitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MatterText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LawRelated = table.Column<bool>(type: "boolean", nullable: false),
                    ToBeijing = table.Column<bool>(type: "boolean", nullable: false),
                    SkipLevel = table.Column<bool>(type: "boolean", nullable: false),
                    LeaderInstructed = table.Column<bool>(type: "boolean", nullable: false),
                    LongStandingPetitioner = table.Column<bool>(type: "boolean", nullable: false),
                    GroupSize = table.Column<int>(type: "integer", nullable: false),
                    Collective = table.Column<bool>(type: "boolean", nullable: false),
                    AccusedUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReceptionDayId = table.Column<Guid>(type: "uuid", nullable: true),
                    OtherRegionCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivingUnit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivingLevel = table.Column<int>(type: "integer", nullable: false),
                    Clerk = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EarlierCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    MatchSimilarity = table.Column<double>(type: "double precision", nullable: true),
                    MatchExplanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NotAcceptedReason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Notice = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    QueryCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AssignedUnits = table.Column<List<string>>(type: "text[]", nullable: false),
                    Final = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedOutcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Attachments = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reception_days",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeaderTitle = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScheduledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reception_days", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "topics",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_topics", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "petitioners",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Representative = table.Column<bool>(type: "boolean", nullable: false),
                    PetitionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_petitioners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_petitioners_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "topics",
                columns: new[] { "Code", "Active", "Name" },
                values: new object[,]
                {
                    { "agriculture", true, "农村农业 (agriculture and rural affairs)" },
                    { "contract dispute", true, "合同纠纷 (contract dispute)" },
                    { "discipline", true, "纪检监察 (official misconduct)" },
                    { "education", true, "教育 (education)" },
                    { "environment", true, "生态环境 (environment)" },
                    { "health", true, "卫生健康 (health)" },
                    { "housing", true, "城乡建设与住房 (housing and relocation)" },
                    { "judicial", true, "政法 (courts and procuratorates)" },
                    { "labour", true, "劳动和社会保障 (labour and social security)" },
                    { "land", true, "国土资源 (land)" },
                    { "other", true, "其他 (other)" },
                    { "public security", true, "公安 (public security)" },
                    { "tourism", true, "文化旅游 (culture and tourism)" },
                    { "transport", true, "交通运输 (transport)" },
                    { "water pollution", true, "水污染 (water pollution)" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_correlation_id_sequence",
                table: "outbox_messages",
                columns: new[] { "correlation_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_sequence",
                table: "outbox_messages",
                column: "sequence");

            migrationBuilder.CreateIndex(
                name: "IX_petitioners_IdNumberHash",
                table: "petitioners",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_petitioners_PetitionId",
                table: "petitioners",
                column: "PetitionId");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_CaseNumber",
                table: "petitions",
                column: "CaseNumber",
                unique: true,
                filter: "\"Outcome\" <> 'repeat'");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_QueryCode",
                table: "petitions",
                column: "QueryCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_petitions_ReceivingUnit_RequestId",
                table: "petitions",
                columns: new[] { "ReceivingUnit", "RequestId" },
                unique: true,
                filter: "\"RequestId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_ReceptionDayId",
                table: "petitions",
                column: "ReceptionDayId");

            migrationBuilder.CreateIndex(
                name: "IX_petitions_RegionCode_RegisteredAt",
                table: "petitions",
                columns: new[] { "RegionCode", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_petitions_RegisteredAt_Id",
                table: "petitions",
                columns: new[] { "RegisteredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_reception_days_RegionCode_Date",
                table: "reception_days",
                columns: new[] { "RegionCode", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_number_counters");

            migrationBuilder.DropTable(
                name: "directory_deactivated_people");

            migrationBuilder.DropTable(
                name: "directory_units");

            migrationBuilder.DropTable(
                name: "identity_counters");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "petitioners");

            migrationBuilder.DropTable(
                name: "reception_days");

            migrationBuilder.DropTable(
                name: "topics");

            migrationBuilder.DropTable(
                name: "petitions");
        }
    }
}
