using System.Globalization;

namespace Polder.Analysis;

/// <summary>
/// One headline number of an analysis. <c>summary.json</c> and the report's key figures are both written from the
/// same <see cref="KeyFigure"/> objects, so they cannot disagree.
/// </summary>
/// <param name="Key">Machine name (snake_case), the JSON property and the HTML <c>data-key</c>.</param>
/// <param name="Label">Label for people (Dutch).</param>
/// <param name="Value">The value (NaN when not defined, e.g. a median without answered conversations).</param>
/// <param name="Unit">Unit: "" for counts, "%" for shares (Value is then 0 … 1), "h" for hours, "" otherwise.</param>
/// <param name="Group">The heading the report shows the figure under ("Community", "Webcare" …).</param>
public sealed record KeyFigure(string Key, string Label, double Value, string Unit = "", string Group = "")
{
    /// <summary>The value as the report shows it: numbers with thousands separators and at most two decimals, shares as percentages, hours with one decimal.</summary>
    public string Display => double.IsNaN(Value) ? "–" : Unit switch
    {
        "%" => (Value * 100).ToString("0.0", Nl) + " %",
        "h" => Value.ToString("0.0", Nl) + " uur",
        _ => Value.ToString("#,0.##", Nl),
    };

    /// <summary>Dutch number formatting (1.675 and 12,5) that does not depend on the machine's culture data.</summary>
    internal static readonly NumberFormatInfo Nl = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NumberGroupSizes = [3] };
}
