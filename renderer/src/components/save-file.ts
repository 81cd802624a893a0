/**
 * Saves data as a file through a blob: link with `download`. That is a download, not a navigation, so the
 * window's navigation block and the CSP (blob: allowed for images only) do not stand in its way. One helper
 * for every export of the UI (audit CSV, …): pass text or bytes as the parts.
 */
export function saveFile(filename: string, parts: BlobPart[], mime: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Chromium resolves the blob when the download starts; keep it alive a while before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
