using GenAITrends.Core.Storage;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GenAITrends.Core.Posts.Migrations
{
    /// <summary>
    /// Chinese and Japanese characters are now indexed one by one in PostsFts (SearchText, ADR 007). This lists the
    /// stored posts that may hold them in PendingSearchReindex; DatabaseInitializer re-indexes those posts right after
    /// the migrations and drops the list (SearchIndexUpgrade): FTS rows cannot be rebuilt in SQL alone. No model change.
    /// </summary>
    public partial class SearchCjkTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexUpgrade.ListPendingSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "PendingSearchReindex";""");
        }
    }
}
