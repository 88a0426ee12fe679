using System.Text.Json;
using Polder.Analysis;
using Polder.Prediction.Features;
using Polder.Prediction.Opinion;

namespace Polder.Cli.Commands;

/// <summary>
/// The group series that <c>eval opinion</c> and <c>predict opinion</c> forecast, from either source: the RIVM behaviour
/// survey (its header starts with the survey's columns) or a community file (any layout the community readers take), whose
/// posts become weekly (<c>--window-days</c>) share series per group (<c>--group</c>, an author attribute such as
/// neighbourhood or party) — sentiment shares by default (<c>--shares</c>).
/// </summary>
/// <param name="Table">The series, with the covariates of <c>--covariates</c> when given.</param>
/// <param name="Survey">The survey reader's account of its rows (survey input).</param>
/// <param name="Read">The community reader's account of its rows (community input).</param>
/// <param name="FirstWindow">Start of the first window (community input): wave k starts <c>k − 1</c> windows later.</param>
/// <param name="Window">The window length (community input).</param>
internal sealed record OpinionInput(GroupSeriesTable Table, RivmSurvey? Survey, ReadSummary? Read, DateTimeOffset? FirstWindow = null, TimeSpan Window = default)
{
    /// <summary>The start of wave index <paramref name="wave"/> (0-based; also past the data) for community input, else null.</summary>
    public DateTimeOffset? WindowStart(int wave) => FirstWindow is { } first ? first + wave * Window : null;

    private static readonly string[] DefaultShares = ["sentiment_negative_share", "sentiment_positive_share"];

    /// <summary>Reads <paramref name="path"/> with the options of <paramref name="a"/>.</summary>
    public static OpinionInput Load(CliArguments a, string path)
    {
        var header = InputFile.Header(path);
        OpinionInput input;
        if (header.Contains("Region_code", StringComparison.Ordinal) && header.Contains("Wave", StringComparison.Ordinal))
        {
            var survey = RivmSurvey.Read(path);
            input = new OpinionInput(survey.Table, survey, null);
        }
        else
        {
            var attribute = a.Option("group") ?? throw new CliUsageException($"{path} is a community file: say which author attribute makes the groups with --group (e.g. neighbourhood, party, municipality)");
            int days = a.Int("window-days", 7);
            if (days is < 1 or > 3660) throw new CliUsageException("--window-days must be 1..3660");
            var shares = (a.Option("shares") ?? string.Join(',', DefaultShares)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var (community, read) = CommunityAnalyzer.Default.Load(File.OpenRead(path), path, Path.GetExtension(path));
            InputFile.RequireValidUtf8(read);
            var windows = GroupWindowFeatureTable.Build(community, PostGroups.AuthorAttribute(community, attribute), TimeSpan.FromDays(days));
            if (windows.RowCount == 0) throw new CliUsageException($"{path}: no post's author has the attribute '{attribute}'");
            GroupSeriesTable table;
            try { table = GroupWindowSeries.Build(windows, shares); }
            catch (ArgumentException e) { throw new CliUsageException("--shares: " + e.Message); }
            var firstStart = windows.KeyColumn("WindowStart").Select(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).Min();
            input = new OpinionInput(table, null, read, firstStart, TimeSpan.FromDays(days));
        }
        // Related series (Wave, Covariate, Value): their change since the last wave joins the national model.
        if (a.Option("covariates") is { } covariates) input = input with { Table = input.Table.WithCovariates(OpinionCovariates.Read(covariates)) };
        return input;
    }

    /// <summary>Writes how the input's rows were accounted for: the survey's rows and what was left out, or the community reader's report.</summary>
    public void WriteAccounting(Utf8JsonWriter w)
    {
        if (Survey is not null)
        {
            w.WriteNumber("rows", Survey.Rows);
            w.WriteNumber("values", Survey.Values);
            w.WriteStartObject("rows_left_out");
            foreach (var (reason, n) in Survey.LeftOut) w.WriteNumber(reason, n);
            w.WriteEndObject();
        }
        if (Read is not null) ReadSummaryJson.Write(w, Read);
        w.WriteNumber("series", Table.Series.Count);
        w.WriteNumber("waves", Table.WaveCount);
    }
}
