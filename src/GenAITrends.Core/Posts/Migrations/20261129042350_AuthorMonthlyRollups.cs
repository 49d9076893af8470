using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GenAITrends.Core.Posts.Migrations
{
    /// <summary>
    /// AuthorMonthlyRollups (filled from AuthorDailyRollups here, then kept by RollupAccumulator), and DailyRollups
    /// rebuilt as WITHOUT ROWID. Both by raw SQL: EF Core has no model option for WITHOUT ROWID
    /// (docs/decisions/005-author-monthly-rollups.md).
    /// </summary>
    public partial class AuthorMonthlyRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "AuthorMonthlyRollups" (
                    "Theme" INTEGER NOT NULL,
                    "AuthorId" INTEGER NOT NULL,
                    "Month" INTEGER NOT NULL,
                    "Posts" INTEGER NOT NULL,
                    "Engagement" INTEGER NOT NULL,
                    "SentimentSum" REAL NOT NULL,
                    "SentimentCount" INTEGER NOT NULL,
                    CONSTRAINT "PK_AuthorMonthlyRollups" PRIMARY KEY ("Theme", "AuthorId", "Month")
                ) WITHOUT ROWID;
                """);
            // Month = day number of the month's first day.
            migrationBuilder.Sql("""
                INSERT INTO "AuthorMonthlyRollups" ("Theme", "AuthorId", "Month", "Posts", "Engagement", "SentimentSum", "SentimentCount")
                SELECT "Theme", "AuthorId", "Day" - CAST(strftime('%d', "Day" * 86400, 'unixepoch') AS INTEGER) + 1,
                       sum("Posts"), sum("Engagement"), sum("SentimentSum"), sum("SentimentCount")
                FROM "AuthorDailyRollups" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "DailyRollups_new" (
                    "Day" INTEGER NOT NULL,
                    "Theme" INTEGER NOT NULL,
                    "Lang" TEXT NOT NULL,
                    "Posts" INTEGER NOT NULL,
                    "Engagement" INTEGER NOT NULL,
                    "SentimentSum" REAL NOT NULL,
                    "SentimentCount" INTEGER NOT NULL,
                    CONSTRAINT "PK_DailyRollups" PRIMARY KEY ("Day", "Theme", "Lang")
                ) WITHOUT ROWID;
                INSERT INTO "DailyRollups_new" SELECT "Day", "Theme", "Lang", "Posts", "Engagement", "SentimentSum", "SentimentCount" FROM "DailyRollups";
                DROP TABLE "DailyRollups";
                ALTER TABLE "DailyRollups_new" RENAME TO "DailyRollups";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "AuthorMonthlyRollups");
            migrationBuilder.Sql("""
                CREATE TABLE "DailyRollups_old" (
                    "Day" INTEGER NOT NULL,
                    "Theme" INTEGER NOT NULL,
                    "Lang" TEXT NOT NULL,
                    "Posts" INTEGER NOT NULL,
                    "Engagement" INTEGER NOT NULL,
                    "SentimentSum" REAL NOT NULL,
                    "SentimentCount" INTEGER NOT NULL,
                    CONSTRAINT "PK_DailyRollups" PRIMARY KEY ("Day", "Theme", "Lang")
                );
                INSERT INTO "DailyRollups_old" SELECT "Day", "Theme", "Lang", "Posts", "Engagement", "SentimentSum", "SentimentCount" FROM "DailyRollups";
                DROP TABLE "DailyRollups";
                ALTER TABLE "DailyRollups_old" RENAME TO "DailyRollups";
                """);
        }
    }
}
