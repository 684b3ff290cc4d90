// Injected before any page script: wraps Plotly's newPlot and react as soon as plotly.js defines window.Plotly, and
// records for every call the chart's id, when it started and the first animation frame after its promise resolved
// (the chart is on screen by then). Times are performance.now(), milliseconds since the navigation started.
(() => {
  const records = [];
  window.__plotRecords = records;
  let plotly;
  const wrap = (lib, name) => {
    const original = lib[name];
    if (typeof original !== 'function' || original.__probed) {
      return;
    }
    const probed = function (gd, ...rest) {
      const id = typeof gd === 'string' ? gd : gd && gd.id;
      const start = performance.now();
      return Promise.resolve(original.call(this, gd, ...rest)).then(result => {
        requestAnimationFrame(() => records.push({ id, name, start, end: performance.now() }));
        return result;
      });
    };
    probed.__probed = true;
    lib[name] = probed;
  };
  // When the Blazor circuit has rendered the layout (the app marks it with data-interactive=true): for --trace.
  const watchCircuit = () => {
    if (document.querySelector('[data-interactive=true]')) {
      window.__interactiveAt = performance.now();
    } else {
      requestAnimationFrame(watchCircuit);
    }
  };
  requestAnimationFrame(watchCircuit);
  Object.defineProperty(window, 'Plotly', {
    configurable: true,
    get() { return plotly; },
    set(value) {
      plotly = value;
      window.__plotlyDefinedAt ??= performance.now();
      if (value) {
        wrap(value, 'newPlot');
        wrap(value, 'react');
      }
    },
  });
})();
