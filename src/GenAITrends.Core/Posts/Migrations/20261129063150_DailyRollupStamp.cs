using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GenAITrends.Core.Posts.Migrations
{
    /// <summary>
    /// RollupStamp: one row whose Stamp takes a new random value whenever a DailyRollups row is inserted, updated or
    /// deleted (by triggers, so every writer and every process is covered). The web app keeps DailyRollups in memory
    /// and reloads it when the stamp differs (docs/decisions/006-daily-rollups-in-memory.md). A migration that
    /// rebuilds DailyRollups drops these triggers with the table and must create them again.
    /// </summary>
    public partial class DailyRollupStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "RollupStamp" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_RollupStamp" PRIMARY KEY CHECK ("Id" = 1),
                    "Stamp" INTEGER NOT NULL
                );
                INSERT INTO "RollupStamp" ("Id", "Stamp") VALUES (1, random());
                CREATE TRIGGER "DailyRollups_Stamp_Insert" AFTER INSERT ON "DailyRollups"
                BEGIN UPDATE "RollupStamp" SET "Stamp" = random() WHERE "Id" = 1; END;
                CREATE TRIGGER "DailyRollups_Stamp_Update" AFTER UPDATE ON "DailyRollups"
                BEGIN UPDATE "RollupStamp" SET "Stamp" = random() WHERE "Id" = 1; END;
                CREATE TRIGGER "DailyRollups_Stamp_Delete" AFTER DELETE ON "DailyRollups"
                BEGIN UPDATE "RollupStamp" SET "Stamp" = random() WHERE "Id" = 1; END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "DailyRollups_Stamp_Insert";
                DROP TRIGGER "DailyRollups_Stamp_Update";
                DROP TRIGGER "DailyRollups_Stamp_Delete";
                DROP TABLE "RollupStamp";
                """);
        }
    }
}
