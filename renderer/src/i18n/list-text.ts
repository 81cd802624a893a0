import type { Label } from './use-labels';

/** Chinese lists take the enumeration comma (甲、乙), English ones a comma and a space. */
const LIST_SEPARATOR: Label = { zh: '、', en: ', ' };

/** Items as one list in the chosen language. */
export function listText(items: readonly string[], pick: (label: Label) => string): string {
  return items.join(pick(LIST_SEPARATOR));
}

/** Between a label and what it labels: the full-width colon in Chinese (甲：乙), a colon and a space in English. */
export const LABEL_SEPARATOR: Label = { zh: '：', en: ': ' };

/** Text the product stored in both languages as "中文 / English", as a label; null when it is not that. */
export function bilingual(text: string): Label | null {
  const at = text.indexOf(' / ');
  return at > 0 ? { zh: text.slice(0, at), en: text.slice(at + 3) } : null;
}
