using System.Text.Json;
using System.Text.Json.Serialization;
using Polder.Service.Grains;

namespace Polder.Service.Api;

/// <summary>The JSON shapes of the API (snake_case keys; an undefined figure is null, never NaN).</summary>
public static class ServiceJson
{
    /// <summary>The serialiser options of every response.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A figure as written.</summary>
    public sealed record Figure(string Key, string Label, double? Value, string Unit, string Group);

    /// <summary>The figures response.</summary>
    public sealed record Figures(string Community, long Posts, DateTimeOffset? FirstPost, DateTimeOffset? LastPost, IReadOnlyList<Figure> KeyFigures,
        IReadOnlyList<ShareValue> Topics, IReadOnlyList<ShareValue> Languages, IReadOnlyList<TextWindowFigures> Windows);

    /// <summary>A bad request: the message, and where.</summary>
    public sealed record Problem(string Error, long? Line, string? Field);

    /// <summary>The figures of a grain as written.</summary>
    public static Figures Of(CommunityFigures f) => new(
        f.Community, f.Posts, f.FirstPost, f.LastPost,
        [.. f.Figures.Select(x => new Figure(x.Key, x.Label, double.IsFinite(x.Value) ? x.Value : null, x.Unit, x.Group))],
        f.Topics, f.Languages, f.Windows);
}
