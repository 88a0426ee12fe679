namespace Polder.Places;

/// <summary>Whether a mention names a municipality or a place (woonplaats) within one.</summary>
public enum PlaceKind
{
    /// <summary>The name of a municipality.</summary>
    Municipality,

    /// <summary>A place (town, village, hamlet) within a municipality.</summary>
    Place,
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
}
