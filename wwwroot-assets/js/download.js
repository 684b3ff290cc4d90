// Hands a file the server has prepared to the browser's downloads, as a link click would.
export function download(url) {
    const link = document.createElement('a');
    link.href = url;
    link.download = '';
    document.body.appendChild(link);
    link.click();
    link.remove();
}
