// A worker thread (started from a file, as tesseract.js starts its own) that reports whether fetch is blocked.
const { parentPort } = require('node:worker_threads');
fetch('https://cdn.jsdelivr.net/npm/@tesseract.js-data/chi_sim/').then(
  () => parentPort.postMessage(false),
  (e) => parentPort.postMessage(String(e).includes('network blocked by test')),
);
