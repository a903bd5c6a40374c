using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MyNumberPortal.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddStaffSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "StaffAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "StaffAccounts",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "StaffAccounts");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "StaffAccounts");
        }
    }
}
