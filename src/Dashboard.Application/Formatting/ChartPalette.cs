namespace Dashboard.Application.Formatting;

/// <summary>Okabe–Ito colours: told apart by readers with the common colour-vision deficiencies.</summary>
public static class ChartPalette
{
    public static IReadOnlyList<string> Colours { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public static string At(int index) => Colours[index % Colours.Count];

    /// <summary>Test vs control, before vs during: blue and orange, the pair every deficiency keeps apart.</summary>
    public const string Test = "#0072B2";
    public const string Control = "#E69F00";
}
