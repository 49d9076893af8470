using GenAITrends.Web.Infrastructure;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddTrendsLogging();
builder.AddTrendsDatabase();
builder.AddTrendsClassification();
builder.Services.AddTrendsPolicies();
builder.Services.AddRazorPages();
builder.AddTrendsDashboard();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseTrendsRequestLogging();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapTrendsHealth();
app.MapTrendsDashboardApi();

await app.InitializeTrendsDatabaseAsync();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory&lt;Program&gt; in tests.</summary>
public partial class Program;
