using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GenAITrends.Core.Posts.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuthorDailyRollups",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<byte>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    Posts = table.Column<long>(type: "INTEGER", nullable: false),
                    Engagement = table.Column<long>(type: "INTEGER", nullable: false),
                    SentimentSum = table.Column<double>(type: "REAL", nullable: false),
                    SentimentCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorDailyRollups", x => new { x.AuthorId, x.Day, x.Theme });
                });

            migrationBuilder.CreateTable(
                name: "Authors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Handle = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    FollowerCount = table.Column<long>(type: "INTEGER", nullable: true),
                    PlatformUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailyRollups",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<byte>(type: "INTEGER", nullable: false),
                    Lang = table.Column<string>(type: "TEXT", nullable: false),
                    Posts = table.Column<long>(type: "INTEGER", nullable: false),
                    Engagement = table.Column<long>(type: "INTEGER", nullable: false),
                    SentimentSum = table.Column<double>(type: "REAL", nullable: false),
                    SentimentCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyRollups", x => new { x.Day, x.Theme, x.Lang });
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Layout = table.Column<string>(type: "TEXT", nullable: true),
                    StartedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<byte>(type: "INTEGER", nullable: false),
                    RowsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    Imported = table.Column<long>(type: "INTEGER", nullable: false),
                    Updated = table.Column<long>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    UndoneAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Posts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformPostId = table.Column<string>(type: "TEXT", nullable: true),
                    DedupeKey = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Lang = table.Column<string>(type: "TEXT", nullable: true),
                    Likes = table.Column<long>(type: "INTEGER", nullable: false),
                    Reposts = table.Column<long>(type: "INTEGER", nullable: false),
                    Replies = table.Column<long>(type: "INTEGER", nullable: false),
                    Quotes = table.Column<long>(type: "INTEGER", nullable: false),
                    Bookmarks = table.Column<long>(type: "INTEGER", nullable: false),
                    Impressions = table.Column<long>(type: "INTEGER", nullable: true),
                    IsRetweet = table.Column<bool>(type: "INTEGER", nullable: false),
                    RetweetedAuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Url = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedByBatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByBatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sentiment = table.Column<byte>(type: "INTEGER", nullable: true),
                    SentimentScore = table.Column<float>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Posts_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Posts_Authors_RetweetedAuthorId",
                        column: x => x.RetweetedAuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Posts_ImportBatches_CreatedByBatchId",
                        column: x => x.CreatedByBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Posts_ImportBatches_UpdatedByBatchId",
                        column: x => x.UpdatedByBatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RejectedRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RawExcerpt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RejectedRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RejectedRows_ImportBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ImportBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostThemes",
                columns: table => new
                {
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    Theme = table.Column<byte>(type: "INTEGER", nullable: false),
                    Probability = table.Column<float>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostThemes", x => new { x.PostId, x.Theme });
                    table.ForeignKey(
                        name: "FK_PostThemes_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorDailyRollups_Day_Theme",
                table: "AuthorDailyRollups",
                columns: new[] { "Day", "Theme" });

            migrationBuilder.CreateIndex(
                name: "IX_Authors_Handle",
                table: "Authors",
                column: "Handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_Sha256",
                table: "ImportBatches",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AuthorId_CreatedAtUtc",
                table: "Posts",
                columns: new[] { "AuthorId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_CreatedAtUtc",
                table: "Posts",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_CreatedByBatchId",
                table: "Posts",
                column: "CreatedByBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_Day_Lang",
                table: "Posts",
                columns: new[] { "Day", "Lang" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_DedupeKey",
                table: "Posts",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Posts_RetweetedAuthorId",
                table: "Posts",
                column: "RetweetedAuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_UpdatedByBatchId",
                table: "Posts",
                column: "UpdatedByBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_PostThemes_Theme_PostId",
                table: "PostThemes",
                columns: new[] { "Theme", "PostId" });

            migrationBuilder.CreateIndex(
                name: "IX_RejectedRows_BatchId_LineNumber",
                table: "RejectedRows",
                columns: new[] { "BatchId", "LineNumber" });
            // Full-text search over the normalised post text (NFKC, lower case); rowid = Posts.Id.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE PostsFts USING fts5(Text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS PostsFts;");

            migrationBuilder.DropTable(
                name: "AuthorDailyRollups");

            migrationBuilder.DropTable(
                name: "DailyRollups");

            migrationBuilder.DropTable(
                name: "PostThemes");

            migrationBuilder.DropTable(
                name: "RejectedRows");

            migrationBuilder.DropTable(
                name: "Posts");

            migrationBuilder.DropTable(
                name: "Authors");

            migrationBuilder.DropTable(
                name: "ImportBatches");
        }
    }
}
