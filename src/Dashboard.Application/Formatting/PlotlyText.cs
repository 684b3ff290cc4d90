using System.Net;

namespace Dashboard.Application.Formatting;

/// <summary>
/// Imported text on its way into a Plotly label: Plotly reads a small set of HTML tags (&lt;a&gt;, &lt;b&gt;, &lt;br&gt;)
/// in labels and titles, so a campaign named with markup must arrive as entities and show as the characters it holds.
/// </summary>
public static class PlotlyText
{
    public static string Escape(string text) => WebUtility.HtmlEncode(text ?? "");
}
