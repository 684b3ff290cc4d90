// Exports a chart the way it is drawn, through Plotly's own image export, always in the light theme, with its title
// and the lines that say what it shows (scope, period, data date) written on the image, so a pasted chart is never
// ambiguous. The figure is copied: the chart on screen is not touched. The server renders decks and reports with the
// same module in headless Chromium (imageOf), so an exported chart looks the same whoever made it.
const ink = '#1f2937';
const grid = '#e5e7eb';

export function lightLayout(layout, title, lines) {
    const copy = JSON.parse(JSON.stringify(layout || {}));
    copy.paper_bgcolor = '#ffffff';
    copy.plot_bgcolor = '#ffffff';
    copy.font = Object.assign({}, copy.font, { color: ink, family: 'Roboto, Helvetica, Arial, sans-serif' });
    for (const key of Object.keys(copy)) {
        if (/^[xy]axis\d*$/.test(key) && copy[key]) {
            copy[key].gridcolor = grid;
            copy[key].linecolor = grid;
            copy[key].zerolinecolor = grid;
            copy[key].color = ink;
        }
    }
    if (copy.geo) {
        copy.geo.bgcolor = '#ffffff';
    }
    // Title and caption lines above the plot area, in a top margin grown to hold them (legends sit below or beside).
    const margin = Object.assign({ l: 60, r: 30, t: 40, b: 60 }, copy.margin);
    const top = margin.t || 0;
    margin.t = top + (title ? 36 : 8) + 18 * lines.length;
    copy.margin = margin;
    if (title) {
        copy.title = { text: title, x: 0, xanchor: 'left', xref: 'paper', y: 1, yref: 'container', yanchor: 'top', pad: { t: 12 }, font: { size: 18, color: ink } };
    }
    copy.annotations = (copy.annotations || []).concat(lines.map((text, i) => ({
        text, xref: 'paper', yref: 'paper', x: 0, xanchor: 'left', y: 1, yanchor: 'bottom', yshift: top + 18 * (lines.length - 1 - i) + 4,
        showarrow: false, font: { size: 11, color: '#4b5563' }, align: 'left',
    })));
    return copy;
}

// A figure ({data, layout}) as an image's data URL, with the title (none when empty) and caption lines on it.
export function imageOf(figure, format, width, height, scale, title, lines) {
    const styled = { data: figure.data, layout: lightLayout(figure.layout, title, lines) };
    return window.Plotly.toImage(styled, { format, width, height: height + 18 * lines.length, scale });
}

export async function download(chartId, format, fileName, title, lines) {
    const chart = document.getElementById(chartId);
    if (!chart || !window.Plotly || !chart.data) {
        return false;
    }

    const width = Math.max(chart.clientWidth || 0, 900);
    const height = Math.max(chart.clientHeight || 0, 450);
    const url = await imageOf({ data: chart.data, layout: chart.layout }, format, width, height, format === 'png' ? 2 : 1, title, lines);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return true;
}
