using Polder.Prediction.Features;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>
/// A <see cref="FeatureTable"/>: its size, the key columns and the first features of the first rows (missing values as
/// "–"), and the names of the features left out, so a wide table stays readable and no column goes unmentioned.
/// </summary>
internal static class FeatureTableView
{
    /// <summary>Rows shown before the table is cut (the rest is counted).</summary>
    public const int MaxRows = 25;

    /// <summary>Feature columns shown; the names of the others are listed below the table.</summary>
    public const int MaxFeatures = 30;

    public static void Write(FeatureTable table, TextWriter w)
    {
        Open(w, "feature-table");
        int features = Math.Min(table.FeatureCount, MaxFeatures), rows = Math.Min(table.RowCount, MaxRows);
        w.Write($"<h4>Feature table <span class=\"muted\">({N(table.RowCount)} rows × {table.KeyNames.Count} keys + {N(table.FeatureCount)} features)</span></h4>");
        w.Write("<div class=\"scroll\"><table><thead><tr>");
        foreach (var k in table.KeyNames) w.Write($"<th>{E(k)}</th>");
        for (int f = 0; f < features; f++) w.Write($"<th class=\"n\">{E(table.Names[f])}</th>");
        w.Write("</tr></thead><tbody>");
        for (int r = 0; r < rows; r++)
        {
            w.Write("<tr>");
            foreach (var k in table.KeyNames) w.Write($"<td>{E(table.Key(r, k))}</td>");
            var values = table.Row(r);
            for (int f = 0; f < features; f++) w.Write($"<td class=\"n\">{Value(values[f])}</td>");
            w.Write("</tr>");
        }
        w.Write("</tbody></table></div>");
        if (table.RowCount > rows) w.Write($"<div class=\"muted\">… {N(table.RowCount - rows)} more rows</div>");
        if (table.FeatureCount > features)
            w.Write($"<div class=\"muted\">… {N(table.FeatureCount - features)} more features: {E(string.Join(", ", table.Names.Skip(features)))}</div>");
        Close(w);
    }
}
