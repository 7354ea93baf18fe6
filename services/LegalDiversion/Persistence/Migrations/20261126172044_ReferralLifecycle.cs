using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Coordination.LegalDiversion.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReferralLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "referrals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConcludedAt",
                table: "referrals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclineReasons",
                table: "referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InstitutionCode",
                table: "referrals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastUpdate",
                table: "referrals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Major",
                table: "referrals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeNote",
                table: "referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReferralCount",
                table: "referrals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Step = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupervisionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SupervisionSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextActionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsTimer = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "institutions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institutions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "legal_advice",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Lawyer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Firm = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Advice = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_advice", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddresseeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_orders", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "institutions",
                columns: new[] { "Code", "Channel", "Name", "RegionCode" },
                values: new object[,]
                {
                    { "nanjing-admin-mediation", "administrative_mediation", "南京市行政调解中心", "320100" },
                    { "nanjing-intermediate-court", "court_appeal", "南京市中级人民法院", "320100" },
                    { "nanjing-labour-arbitration", "arbitration", "南京市劳动人事争议仲裁委员会", "320100" },
                    { "nanjing-legal-aid", "legal_aid", "南京市法律援助中心", "320100" },
                    { "nanjing-procuratorate", "procuratorate", "南京市人民检察院", "320100" },
                    { "nanjing-public-security", "public_security", "南京市公安局", "320100" },
                    { "nanjing-reconsideration", "administrative_reconsideration", "南京市人民政府行政复议办公室", "320100" },
                    { "qinhuai-court", "court_litigation", "秦淮区人民法院", "320104" },
                    { "suzhou-intermediate-court", "court_appeal", "苏州市中级人民法院", "320500" },
                    { "xuanwu-court", "court_litigation", "玄武区人民法院", "320102" },
                    { "xuanwu-peoples-mediation", "peoples_mediation", "玄武区人民调解委员会", "320102" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_InstitutionCode",
                table: "referrals",
                column: "InstitutionCode");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_AssignmentId",
                table: "deadlines",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_CaseId_Step",
                table: "deadlines",
                columns: new[] { "CaseId", "Step" });

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_NextActionAt",
                table: "deadlines",
                column: "NextActionAt",
                filter: "\"NextActionAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_legal_advice_CaseId",
                table: "legal_advice",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_orders_AddresseeCode",
                table: "supervision_orders",
                column: "AddresseeCode");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_orders_ReferralId",
                table: "supervision_orders",
                column: "ReferralId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadlines");

            migrationBuilder.DropTable(
                name: "institutions");

            migrationBuilder.DropTable(
                name: "legal_advice");

            migrationBuilder.DropTable(
                name: "supervision_orders");

            migrationBuilder.DropIndex(
                name: "IX_referrals_InstitutionCode",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "ConcludedAt",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "DeclineReasons",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "InstitutionCode",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "LastUpdate",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "Major",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "OutcomeNote",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "ReferralCount",
                table: "referrals");
        }
    }
}
