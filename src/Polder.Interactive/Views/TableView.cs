using System.Globalization;
using Polder.Behaviour;
using static Polder.Interactive.Html.Html;

namespace Polder.Interactive.Views;

/// <summary>A <see cref="ResultTable"/> as an HTML table: name, typed columns (numbers right-aligned), the first rows.</summary>
internal static class TableView
{
    /// <summary>Rows shown before the table is cut (the rest is counted).</summary>
    public const int MaxRows = 25;

    public static void Write(ResultTable table, TextWriter w)
    {
        Open(w, "table");
        Body(table, w);
        Close(w);
    }

    public static void Body(ResultTable table, TextWriter w)
    {
        w.Write($"<h4>{E(table.Name)} <span class=\"muted\">({N(table.Rows.Count)} rows × {table.Columns.Count} columns)</span></h4>");
        w.Write("<div class=\"scroll\"><table><thead><tr>");
        foreach (var c in table.Columns) w.Write($"<th{(IsNumber(c.Type) ? " class=\"n\"" : "")}>{E(c.Name)}</th>");
        w.Write("</tr></thead><tbody>");
        foreach (var row in table.Rows.Take(MaxRows))
        {
            w.Write("<tr>");
            for (int i = 0; i < table.Columns.Count; i++)
                w.Write($"<td{CellClass(table.Columns[i].Type)}>{E(Cell(row[i]))}</td>");
            w.Write("</tr>");
        }
        w.Write("</tbody></table></div>");
        if (table.Rows.Count > MaxRows) w.Write($"<div class=\"muted\">… {N(table.Rows.Count - MaxRows)} more rows</div>");
    }

    private static bool IsNumber(ColumnType t) => t is ColumnType.Integer or ColumnType.Real;

    private static string CellClass(ColumnType t) => IsNumber(t) ? " class=\"n\"" : t == ColumnType.Time ? " class=\"t\"" : "";

    private static string Cell(object? v) => v switch
    {
        null => "",
        double d => Value(d),
        float f => N(f, 3),
        long l => N(l),
        int i => N(i),
        DateTimeOffset t => When(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
