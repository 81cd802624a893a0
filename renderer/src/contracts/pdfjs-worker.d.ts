/** Vite's `?url` import: the built URL of pdf.js's worker script, served from the app's own origin. */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
