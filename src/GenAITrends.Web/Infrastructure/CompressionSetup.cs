using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace GenAITrends.Web.Infrastructure;

public static class CompressionSetup
{
    /// <summary>
    /// Brotli/gzip for pages, scripts, styles, JSON and CSV when served over plain HTTP (behind a TLS-terminating proxy
    /// or on localhost). Over HTTPS it stays off, the framework's default against BREACH-style attacks on pages that carry
    /// antiforgery tokens; published builds still serve their static assets pre-compressed there.
    /// </summary>
    public static WebApplicationBuilder AddTrendsCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "text/csv", "image/svg+xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }
}
