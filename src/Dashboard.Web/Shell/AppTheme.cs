using MudBlazor;

namespace Dashboard.Web.Shell;

/// <summary>The one theme of the app: light and dark palettes chosen to read on a laptop and on a projector.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b6e4f",
            Secondary = "#c8553d",
            Tertiary = "#2d7dd2",
            AppbarBackground = "#0b6e4f",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
            Success = "#1b7a39",
            Error = "#c62828",
            Info = "#0d5aa7",

            // MudBlazor's default secondary text (54% black) falls below 4.5:1 on the page background (axe).
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4cc9a0",
            Secondary = "#f28f6b",
            Tertiary = "#6fb1ff",
            AppbarBackground = "#14201c",
            Background = "#101418",
            Surface = "#182026",
            DrawerBackground = "#141b20",
            Success = "#5fd38d",
            Error = "#ff6b6b",
        },
    };
}
