namespace Polder.Behaviour;

/// <summary>Community size of organisations of one type (and, for municipalities, one size class).</summary>
/// <param name="OrganisationType">Organisation type (or "(unknown)").</param>
/// <param name="SizeClass">Municipality size class, or "(none)" when the organisation has no known municipality.</param>
/// <param name="Organisations">Organisations in the cell.</param>
/// <param name="TotalCommunitySize">Sum of their community sizes.</param>
/// <param name="MeanCommunitySize">Mean community size.</param>
/// <param name="MedianCommunitySize">Median community size.</param>
public sealed record CommunitySizeClass(string OrganisationType, string SizeClass, int Organisations, long TotalCommunitySize, double MeanCommunitySize, double MedianCommunitySize);
