import type { Label } from './use-labels';

/** Chinese lists take the enumeration comma (甲、乙), English ones a comma and a space. */
const LIST_SEPARATOR: Label = { zh: '、', en: ', ' };

/** Items as one list in the chosen language. */
export function listText(items: readonly string[], pick: (label: Label) => string): string {
  return items.join(pick(LIST_SEPARATOR));
}

/** Between a label and what it labels: the full-width colon in Chinese (甲：乙), a colon and a space in English. */
export const LABEL_SEPARATOR: Label = { zh: '：', en: ': ' };
