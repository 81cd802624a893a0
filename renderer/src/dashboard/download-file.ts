import { saveFile } from '../components/save-file';

/** Saves a file the host built and sent base64-encoded (the dashboard's CSV and XLSX exports). */
export function saveBase64File(filename: string, base64: string, mime: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveFile(filename, [bytes], mime);
}
