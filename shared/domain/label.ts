/**
 * A text in both UI languages: Chinese, which the workbench shows by default and the records keep, and
 * English. Labels live beside what they name (states, roles, reasons, …) rather than in one dictionary.
 */
export type Label = { zh: string; en: string };
