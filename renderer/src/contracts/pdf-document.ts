import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * pdf.js, loaded only when a contract is previewed (it is large). The CSP forbids <object>/<iframe> of a blob
 * and eval, so pages are drawn to canvases by pdf.js with eval off; its worker is a script of our own origin.
 */
async function pdfjs() {
  const [lib, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  lib.GlobalWorkerOptions.workerSrc = worker.default;
  return lib;
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  // pdf.js takes ownership of the buffer it is given; keep the caller's bytes intact for download/print.
  return lib.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false }).promise;
}

/** Draws page `n` (1-based) into `canvas` at `cssWidth` CSS pixels wide, sharp on high-DPI screens. */
export async function drawPage(doc: PDFDocumentProxy, n: number, canvas: HTMLCanvasElement, cssWidth: number, pixelRatio = window.devicePixelRatio || 1): Promise<void> {
  const page = await doc.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * pixelRatio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.floor(viewport.height / pixelRatio)}px`;
  await page.render({ canvas, viewport }).promise;
}

/** Saves the PDF under `fileName` through the browser's download (no navigation, nothing opened). */
export function downloadPdf(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Prints the PDF as it is rendered: each page drawn at print resolution into an image of a print-only
 * container, then the browser's print dialog; the rest of the app is hidden by @media print (contracts.css).
 */
export async function printPdf(bytes: Uint8Array): Promise<void> {
  const doc = await openPdf(bytes);
  const holder = document.createElement('div');
  holder.className = 'contract-print';
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const canvas = document.createElement('canvas');
      await drawPage(doc, n, canvas, 794, 2); // A4 at 96 CSS px per inch, rendered at 192 dpi
      const img = document.createElement('img');
      img.src = canvas.toDataURL('image/png');
      holder.appendChild(img);
    }
    document.body.appendChild(holder);
    document.body.classList.add('printing-contract');
    window.print();
  } finally {
    document.body.classList.remove('printing-contract');
    holder.remove();
    void doc.destroy();
  }
}
