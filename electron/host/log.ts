/**
 * Host log. Messages name channels and codes, never payloads: payloads can hold ID numbers and credit
 * codes, which must not reach a log file.
 */
export const log = {
  info(area: string, message: string): void {
    if (process.env.WORKBENCH_QUIET !== '1') console.log(`[${area}] ${message}`);
  },
  error(area: string, message: string, err?: unknown): void {
    const detail = err instanceof Error ? `${err.name}: ${redact(err.message)}` : '';
    console.error(`[${area}] ${message}${detail ? ' — ' + detail : ''}`);
  },
};

/** Masks anything shaped like an ID number or credit code that slipped into an error message. */
export function redact(text: string): string {
  return text
    .replace(/\b\d{17}[\dXx]\b/g, (m) => m.slice(0, 4) + '**********' + m.slice(-4))
    .replace(/\b[0-9A-HJ-NPQRTUWXY]{18}\b/g, (m) => m.slice(0, 4) + '**********' + m.slice(-4));
}
