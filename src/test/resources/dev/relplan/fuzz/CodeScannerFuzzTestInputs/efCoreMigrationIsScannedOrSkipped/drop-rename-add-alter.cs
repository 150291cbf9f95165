using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ordering.Infrastructure.Migrations
{
    /// <summary>Contract step shipped with the code change: the running release still maps these.</summary>
    public partial class ContractBuyers : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn( // relplan:finding
                name: "Nickname",
                schema: "ordering",
                table: "buyers");

            migrationBuilder.RenameColumn( // relplan:finding
                name: "IdentityGuid",
                schema: "ordering",
                table: "buyers",
                newName: "UserId");

            migrationBuilder.AddColumn<int>( // relplan:finding
                name: "Tier",
                schema: "ordering",
                table: "buyers",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "Locale",
                schema: "ordering",
                table: "buyers",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>( // relplan:finding
                name: "Email",
                schema: "ordering",
                table: "buyers",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.DropTable( // relplan:finding
                name: "paymentmethods",
                schema: "ordering");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Tier", schema: "ordering", table: "buyers");
        }
    }
}
