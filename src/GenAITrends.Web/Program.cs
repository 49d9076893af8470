using GenAITrends.Web.Auth;
using GenAITrends.Web.Imports;
using GenAITrends.Web.Infrastructure;
using GenAITrends.Web.Reports;
using GenAITrends.Web.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddTrendsLogging();
builder.AddTrendsCompression();
builder.AddTrendsStaticAssets();
builder.AddTrendsDatabase();
builder.AddTrendsClassification();
builder.AddTrendsIdentity();
builder.AddTrendsSecurity();
builder.AddTrendsImports();
builder.Services.AddTrendsPolicies();
builder.AddTrendsReports();
builder.Services.AddRazorPages();
builder.AddTrendsDashboard();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseResponseCompression();
app.UseTrendsSecurityHeaders();
app.UseTrendsRequestLogging();
app.UseTrendsStatusPages();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapTrendsHealth();
app.MapTrendsImports();
app.MapTrendsReports();
app.MapTrendsDashboardApi();

var sampleDataSeeded = await app.InitializeTrendsDatabaseAsync();
await app.SeedTrendsAccountsAsync(sampleDataSeeded);
app.Run();

/// <summary>Entry point marker for WebApplicationFactory&lt;Program&gt; in tests.</summary>
public partial class Program;
