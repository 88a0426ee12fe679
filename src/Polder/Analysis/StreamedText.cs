namespace Polder.Analysis;

/// <summary>
/// What the text layer counted in a streamed analysis (<see cref="AnalysisOptions.Streaming"/>), whose
/// <see cref="CommunityAnalysis.Posts"/> is empty because the posts were written to the posts table as they were
/// read. The counts are those the key figures need. Immutable.
/// </summary>
/// <param name="Posts">Posts the text layer saw.</param>
/// <param name="Analysed">Posts the Dutch layers read.</param>
/// <param name="Negative">Analysed posts with a negative tone.</param>
/// <param name="Positive">Analysed posts with a positive tone.</param>
/// <param name="WithComplaint">Analysed posts with a complaint category.</param>
/// <param name="WithPlaces">Analysed posts naming a place.</param>
public sealed record StreamedText(int Posts, int Analysed, int Negative, int Positive, int WithComplaint, int WithPlaces);
