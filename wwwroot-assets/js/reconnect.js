// The app's reconnect dialog: Blazor raises "components-reconnect-state-changed" on it and sets its state classes.
const modal = document.getElementById("components-reconnect-modal");
if (modal) {
    modal.addEventListener("components-reconnect-state-changed", event => {
        const state = event.detail.state;
        if (state === "hide") {
            modal.close();
        } else if (state === "rejected") {
            location.reload();
        } else {
            // show, retrying, failed, paused, resume-failed: each has its own line in the dialog, which must be open.
            if (!modal.open) {
                modal.showModal();
            }

            if (state === "failed") {
                document.addEventListener("visibilitychange", retryWhenVisible);
            }
        }
    });

    document.getElementById("components-reconnect-button")?.addEventListener("click", retry);
    document.getElementById("components-resume-button")?.addEventListener("click", resume);
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server is up but no longer knows the circuit; an error: unreachable.
        if (!await Blazor.reconnect()) {
            await resume();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
