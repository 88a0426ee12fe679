using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Polder.Analysis;
using Polder.Community.Reading;
using Polder.Service.Grains;
using Polder.Service.Hosting;

namespace Polder.Service.Api;

/// <summary>
/// The HTTP API (ASP.NET Core minimal API) over the grains: ingest JSON lines, read figures, open conversations and the
/// national view as JSON, and the live page. Stateless: every call goes to a grain through <see cref="IGrainFactory"/>,
/// so any silo (or an API host that is only an Orleans client) can serve it.
/// </summary>
public static class ServiceApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPolderApi(this IEndpointRouteBuilder app, ServiceOptions options)
    {
        app.MapPost("/communities/{id}/posts", async (string id, HttpRequest request, IGrainFactory grains, CancellationToken ct) =>
        {
            if (!CommunityId.IsValid(id)) return BadId(id);
            if (request.ContentLength > options.MaxRequestBytes) return TooLarge(options);
            using var body = new MemoryStream();
            if (!await CopyLimitedAsync(request.Body, body, options.MaxRequestBytes, ct)) return TooLarge(options);
            body.Position = 0;
            PostMessage[] posts;
            try { posts = PostBatch.Read(body, "request", options.MaxPostsPerRequest); }
            catch (CommunityReadException e)
            {
                return Results.Json(new ServiceJson.Problem(e.Issue.ToString(), e.Issue.Line, e.Issue.Field), ServiceJson.Options, statusCode: 400);
            }
            // the text layer reads the batch here, in parallel, so that the grain's turn (one at a time per community) only adds
            posts = PostMessage.Read(posts, TextAnalyzer.Default);
            var result = await grains.GetGrain<ICommunityGrain>(id).Ingest(posts);
            return Results.Json(result, ServiceJson.Options);
        });
        app.MapGet("/communities/{id}/figures", async (string id, IGrainFactory grains) =>
            CommunityId.IsValid(id) ? Results.Json(ServiceJson.Of(await grains.GetGrain<ICommunityGrain>(id).Figures()), ServiceJson.Options) : BadId(id));
        app.MapGet("/communities/{id}/conversations/open", async (string id, int? max, IGrainFactory grains) =>
            CommunityId.IsValid(id)
                ? Results.Json(new { community = id, open_conversations = await grains.GetGrain<ICommunityGrain>(id).OpenConversations(Math.Clamp(max ?? 100, 1, 10_000)) }, ServiceJson.Options)
                : BadId(id));
        app.MapGet("/communities/{id}/alerts", async (string id, IGrainFactory grains) =>
            CommunityId.IsValid(id)
                ? Results.Json(new { community = id, alerts = await grains.GetGrain<ICommunityGrain>(id).Alerts() }, ServiceJson.Options)
                : BadId(id));
        app.MapGet("/communities/{id}/forecasts", async (string id, IGrainFactory grains) =>
            CommunityId.IsValid(id)
                ? Results.Json(new { community = id, forecasts = await grains.GetGrain<ICommunityGrain>(id).Forecasts() }, ServiceJson.Options)
                : BadId(id));
        app.MapGet("/communities", async (IGrainFactory grains) =>
            Results.Json(new { communities = await grains.GetGrain<INationalGrain>(INationalGrain.Key).Communities() }, ServiceJson.Options));
        app.MapGet("/national/figures", async (IGrainFactory grains) =>
        {
            try { return Results.Json(ServiceJson.Of(await grains.GetGrain<INationalGrain>(INationalGrain.Key).Figures()), ServiceJson.Options); }
            catch (InvalidOperationException e)
            {
                // the merge needs disjoint communities: a post sent to two communities cannot be counted nationally once
                return Results.Json(new ServiceJson.Problem("the communities cannot be merged: " + e.Message, null, null), ServiceJson.Options, statusCode: 409);
            }
        });
        app.MapGet("/communities/{id}", (string id, HttpResponse response) =>
        {
            if (!CommunityId.IsValid(id)) return BadId(id);
            response.Headers.ContentSecurityPolicy = LivePage.ContentSecurityPolicy;
            return Results.Content(LivePage.Html(id), "text/html; charset=utf-8");
        });
        return app;
    }

    private static IResult BadId(string id) =>
        Results.Json(new ServiceJson.Problem($"community id '{(id.Length > 40 ? id[..40] + "…" : id)}': use 1-100 letters, digits, '-', '_' or '.'", null, "id"), ServiceJson.Options, statusCode: 400);

    private static IResult TooLarge(ServiceOptions o) =>
        Results.Json(new ServiceJson.Problem($"request body larger than {o.MaxRequestBytes} bytes", null, null), ServiceJson.Options, statusCode: 413);

    private static async Task<bool> CopyLimitedAsync(Stream from, MemoryStream to, long max, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int n;
        while ((n = await from.ReadAsync(buffer, ct)) > 0)
        {
            if (to.Length + n > max) return false;
            to.Write(buffer, 0, n);
        }
        return true;
    }
}
