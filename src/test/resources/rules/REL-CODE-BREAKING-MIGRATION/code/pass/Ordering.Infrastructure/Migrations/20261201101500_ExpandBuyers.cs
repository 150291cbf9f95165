using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ordering.Infrastructure.Migrations
{
    /// <summary>Expand only: nullable or defaulted columns, backfilled; the drop comes in a later release.</summary>
    public partial class ExpandBuyers : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UserId",
                schema: "ordering",
                table: "buyers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Tier",
                schema: "ordering",
                table: "buyers",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("UPDATE ordering.buyers SET \"UserId\" = \"IdentityGuid\"");

            migrationBuilder.CreateTable(
                name: "audit",
                schema: "ordering",
                columns: table => new { Id = table.Column<int>(nullable: false) });
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "UserId", schema: "ordering", table: "buyers");
            migrationBuilder.DropColumn(name: "Tier", schema: "ordering", table: "buyers");
        }
    }
}
