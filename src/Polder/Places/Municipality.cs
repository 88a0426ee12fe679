namespace Polder.Places;

/// <summary>A Dutch municipality.</summary>
/// <param name="Name">The name as in the 2014 almanac (e.g. <c>Den Haag</c>, <c>Bergen (L)</c>), or the 2020 name for newer municipalities.</param>
/// <param name="Province">The province (full name, e.g. <c>Noord-Brabant</c>; empty for the Caribbean public bodies).</param>
/// <param name="Population">Inhabitants in 2014, when known.</param>
public sealed record Municipality(string Name, string Province, int? Population);
