namespace Polder.Places;

/// <summary>Whether a mention names a municipality or a place (woonplaats) within one.</summary>
public enum PlaceKind
{
    /// <summary>The name of a municipality.</summary>
    Municipality,

    /// <summary>A place (town, village, hamlet) within a municipality.</summary>
    Place,

    /// <summary>A district of a city (stadsdeel, deelgemeente), e.g. <c>Amsterdam-Noord</c>, <c>Charlois</c>.</summary>
    District,
}

/// <summary>A place name found in a text, linked to its municipality and province.</summary>
/// <param name="Start">Offset of the mention in the text.</param>
/// <param name="Length">Length of the mention.</param>
/// <param name="Text">The mention as written.</param>
/// <param name="Name">The gazetteer name it matched (e.g. <c>'s-Gravenhage</c>).</param>
/// <param name="Kind">Municipality or place.</param>
/// <param name="Municipality">The municipality it lies in (itself for a municipality).</param>
/// <param name="SizeClass">The municipality's size class.</param>
/// <param name="Alternatives">Other municipalities the same name could mean (empty when unambiguous).</param>
public sealed record PlaceMention(int Start, int Length, string Text, string Name, PlaceKind Kind, Municipality Municipality,
    MunicipalitySizeClass SizeClass, IReadOnlyList<Municipality> Alternatives)
{
    /// <summary>The province of the municipality.</summary>
    public string Province => Municipality.Province;

    /// <summary>How sure the finder is that this is a Dutch place (0..1): the logistic of the summed evidence weights.</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>
    /// The reasons behind <see cref="Confidence"/>, short and human-readable, e.g. <c>cue 'in'</c>,
    /// <c>capitalised mid-sentence</c>, <c>not a common word</c>, <c>also the word 'een' (20287 per million)</c>.
    /// </summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
