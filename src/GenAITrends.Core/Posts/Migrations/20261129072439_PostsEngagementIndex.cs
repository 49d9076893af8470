using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GenAITrends.Core.Posts.Migrations
{
    /// <summary>
    /// IX_Posts_Engagement on (likes + reposts + replies + quotes, CreatedAtUtc, Id), all descending: the posts list and
    /// the theme page's representative posts, sorted by engagement over many matches, walk it from the top instead of
    /// sorting every match (PostSearch). Raw SQL: EF Core cannot model an index on an expression. Bulk loads drop and
    /// rebuild it with the other secondary indexes (they are read from sqlite_master).
    /// </summary>
    public partial class PostsEngagementIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Posts_Engagement" ON "Posts" (("Likes" + "Reposts" + "Replies" + "Quotes") DESC, "CreatedAtUtc" DESC, "Id" DESC);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Posts_Engagement";""");
        }
    }
}
