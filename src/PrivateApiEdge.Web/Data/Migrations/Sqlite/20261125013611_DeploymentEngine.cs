using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivateApiEdge.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeploymentEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AppliedCommandSequence",
                table: "Deployments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CommandSequence",
                table: "Deployments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CompletedAt",
                table: "Deployments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "Deployments",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FailedStep",
                table: "Deployments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRollback",
                table: "Deployments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LastEndpointTestJson",
                table: "Deployments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseExpiresAt",
                table: "Deployments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LeaseId",
                table: "Deployments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Request",
                table: "Deployments",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RequestedAction",
                table: "Deployments",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RequestedStep",
                table: "Deployments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScheduledWakeAt",
                table: "Deployments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeploymentLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeploymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Step = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeploymentLog_Deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "Deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeploymentSteps",
                columns: table => new
                {
                    DeploymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Executions = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WaitUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    WaitReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AwsCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsecutiveTransientErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    Intents = table.Column<string>(type: "TEXT", nullable: false),
                    Outputs = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentSteps", x => new { x.DeploymentId, x.Phase, x.Name });
                    table.ForeignKey(
                        name: "FK_DeploymentSteps_Deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "Deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_Status",
                table: "Deployments",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentLog_DeploymentId_Id",
                table: "DeploymentLog",
                columns: new[] { "DeploymentId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeploymentLog");

            migrationBuilder.DropTable(
                name: "DeploymentSteps");

            migrationBuilder.DropIndex(
                name: "IX_Deployments_Status",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "AppliedCommandSequence",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "CommandSequence",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "FailedStep",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "IsRollback",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "LastEndpointTestJson",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "LeaseId",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "Request",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "RequestedAction",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "RequestedStep",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "ScheduledWakeAt",
                table: "Deployments");
        }
    }
}
