namespace Polder.Service.Grains;

/// <summary>One key figure as the service returns it (the library's figure, with its key, Dutch label and unit).</summary>
/// <param name="Key">Stable key (as in summary.json).</param>
/// <param name="Label">Dutch label.</param>
/// <param name="Value">The value (NaN when undefined, written as null).</param>
/// <param name="Unit">"%" for shares (0..1), "h" for hours, "" for counts.</param>
/// <param name="Group">The report group.</param>
[GenerateSerializer, Immutable]
public sealed record FigureValue(
    [property: Id(0)] string Key, [property: Id(1)] string Label, [property: Id(2)] double Value,
    [property: Id(3)] string Unit, [property: Id(4)] string Group);
