using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GenAITrends.Core.Posts.Migrations
{
    /// <summary>
    /// AuthorTotals (all-time figures per author and theme, the leaderboards' upper bound), WITHOUT ROWID by raw SQL,
    /// filled from AuthorMonthlyRollups (docs/decisions/005-author-monthly-rollups.md).
    /// </summary>
    public partial class AuthorTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "AuthorTotals" (
                    "Theme" INTEGER NOT NULL,
                    "AuthorId" INTEGER NOT NULL,
                    "Posts" INTEGER NOT NULL,
                    "Engagement" INTEGER NOT NULL,
                    CONSTRAINT "PK_AuthorTotals" PRIMARY KEY ("Theme", "AuthorId")
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "AuthorTotals" ("Theme", "AuthorId", "Posts", "Engagement")
                SELECT "Theme", "AuthorId", sum("Posts"), sum("Engagement") FROM "AuthorMonthlyRollups" GROUP BY 1, 2;
                """);
            migrationBuilder.CreateIndex(
                name: "IX_AuthorTotals_Theme_Engagement",
                table: "AuthorTotals",
                columns: new[] { "Theme", "Engagement" });
            migrationBuilder.CreateIndex(
                name: "IX_AuthorTotals_Theme_Posts",
                table: "AuthorTotals",
                columns: new[] { "Theme", "Posts" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "AuthorTotals");
        }
    }
}
