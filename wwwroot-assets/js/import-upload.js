// Streams a chosen file to the app's upload endpoint with XMLHttpRequest (for upload progress), outside the Blazor
// connection, and tells the page the upload's id. The page issues a one-time token for each upload.
export function attach(input, page) {
    input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        if (file) {
            page.invokeMethodAsync('FileChosen', file.name, file.size);
        }
    });
}

export function upload(input, token, page) {
    const file = input.files && input.files[0];
    if (!file) {
        return false;
    }

    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/imports/uploads');
    xhr.setRequestHeader('X-Upload-Token', token);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    let last = 0;
    xhr.upload.onprogress = e => {
        const now = Date.now();
        if (e.lengthComputable && (now - last > 150 || e.loaded === e.total)) {
            last = now;
            page.invokeMethodAsync('UploadProgress', e.loaded, e.total);
        }
    };
    xhr.onload = () => page.invokeMethodAsync('UploadFinished', xhr.status, xhr.responseText);
    xhr.onerror = () => page.invokeMethodAsync('UploadFinished', 0, 'the upload was interrupted (network error)');
    xhr.send(file);
    return true;
}

export function reset(input) {
    input.value = '';
}
