/**
 * Placeholders in template wording: `{{borrower.name}}`. Names are dotted identifiers; spaces inside the braces
 * are tolerated because admins type them.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;
/** Braces that do not form a placeholder: a typo such as `{{borrower.name}` or `{ {x}}`. */
const STRAY_BRACES = /\{\{|\}\}/;

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** True when the text, once its placeholders are taken out, still holds `{{` or `}}` (a broken placeholder). */
export function hasStrayBraces(text: string): boolean {
  return STRAY_BRACES.test(text.replace(PLACEHOLDER, ''));
}

export interface Filled {
  text: string;
  /** Placeholders with no value; the caller decides whether that is an error. */
  missing: string[];
}

/** Replaces every placeholder by its value. Values are inserted verbatim (never re-scanned for placeholders). */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): Filled {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined) {
      missing.push(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing };
}
