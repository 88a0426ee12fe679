using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polder.Service.Api;

namespace Polder.Service.Hosting;

/// <summary>
/// Builds a Polder service process: an Orleans silo (configured by <see cref="SiloSetup"/>) with the HTTP API
/// (<see cref="ServiceApi"/>) on Kestrel in the same host.
/// </summary>
public static class PolderServiceHost
{
    /// <summary>
    /// Builds the host (not started). With PostgreSQL and <see cref="ServiceOptions.CreateSchema"/>, the Orleans tables
    /// are created first when missing.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(ServiceOptions options, LogLevel logLevel = LogLevel.Warning, CancellationToken ct = default)
    {
        options.Validate();
        if (options.UsesPostgres && options.CreateSchema) await PostgresSchema.EnsureAsync(options.PostgresConnection!, ct);
        var builder = WebBuilder(options, logLevel);
        builder.Services.AddSingleton(options);
        builder.UseOrleans(silo => SiloSetup.Configure(silo, options));
        var app = builder.Build();
        app.MapPolderApi(options);
        return app;
    }

    /// <summary>Builds an API host that is only an Orleans client of a cluster (tests; a separate web tier).</summary>
    public static WebApplication BuildApi(IGrainFactory grains, ServiceOptions options, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = WebBuilder(options, logLevel);
        builder.Services.AddSingleton(grains);
        var app = builder.Build();
        app.MapPolderApi(options);
        return app;
    }

    private static WebApplicationBuilder WebBuilder(ServiceOptions options, LogLevel logLevel)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(logLevel);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Listen(IPAddress.Parse(options.HttpAddress), options.HttpPort);
        });
        return builder;
    }

    /// <summary>The base address the started <paramref name="app"/> listens on (the port it got when 0 was asked).</summary>
    public static Uri Address(WebApplication app) => new(app.Urls.First());
}
