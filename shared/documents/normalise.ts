/**
 * Normalisation of recognised text. OCR of Chinese documents makes a few systematic mistakes: spaces between
 * characters, half-width or look-alike brackets (（ read as 〈 or ( ), look-alike capital numerals (仟 read as
 * 什), stray quote marks between a label and its value, letters in digit-only places. Each function here fixes
 * one of them so the rules stay readable and testable.
 */

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;

/** Full-width ASCII (０-９, Ａ-Ｚ, ：) to half-width; ideographic space to a space. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Removes all whitespace: printed Chinese fields contain none, OCR inserts it between characters. */
export function removeSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

const OPENERS = /[〈《<\[{(［｛⟨「『]/g;
const CLOSERS = /[〉》>\]})］｝⟩」』]/g;

/** Any bracket-like character becomes the full-width round bracket used on Chinese certificates. */
export function normaliseBrackets(text: string): string {
  return text.replace(OPENERS, '（').replace(CLOSERS, '）');
}

/** Quote marks and dots that OCR reads from the gap or the artwork between a label and its value. */
const EDGE_NOISE = /^[\s"'“”‘’`´。．.,，、:：;；·•_\-—~|丨]+|[\s"'“”‘’`´,，、:：;；·•_\-—~|丨]+$/g;

export function trimNoise(text: string): string {
  return text.replace(EDGE_NOISE, '');
}

/**
 * One to three Latin letters between two Chinese characters: the background artwork of a card read as
 * letters (锦绣LE华庭). Chinese addresses and names do not put Latin letters there.
 */
const STRAY_LETTERS = /(?<=[\u4e00-\u9fa5])[A-Za-z]{1,3}(?=[\u4e00-\u9fa5])/g;

/** Canonical Chinese text value: half-width digits/letters, no spaces, full-width brackets, no edge noise. */
export function normaliseText(text: string): string {
  return normaliseBrackets(trimNoise(removeSpaces(toHalfWidth(text)).replace(STRAY_LETTERS, '')));
}

/** Look-alikes of the capital numerals (大写数字) seen in recognised amounts. */
const CAPITAL_LOOKALIKES: Record<string, string> = {
  什: '仟',
  千: '仟',
  件: '仟',
  任: '仟',
  阡: '仟',
  百: '佰',
  伯: '佰',
  陌: '佰',
  十: '拾',
  给: '拾',
  恰: '拾',
  喜: '壹',
  壶: '壹',
  萱: '壹',
  一: '壹',
  二: '贰',
  贡: '贰',
  武: '贰',
  三: '叁',
  参: '叁',
  僚: '叁',
  四: '肆',
  寺: '肆',
  五: '伍',
  六: '陆',
  七: '柒',
  八: '捌',
  九: '玖',
  坎: '玖',
  〇: '零',
  另: '零',
  圆: '元',
  园: '元',
  方: '万',
};

/**
 * For addresses only: the 号 ending an address after its house number read as a look-alike (写, 扎, 弓, 亏,
 * 和), and a speck between its digits read as 和 (1和32号). No address has those characters in those places.
 */
export function normaliseHouseNumber(text: string): string {
  return text.replace(/(\d)和(?=\d)/g, '$1').replace(/(\d)[写扎弓亏和]$/, '$1号');
}

/** For amount fields only: maps look-alikes onto the capital numerals (仟 read as 什 → 仟). */
export function normaliseCapitalNumerals(text: string): string {
  return [...text].map((c) => CAPITAL_LOOKALIKES[c] ?? c).join('');
}

const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  '!': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  b: '6',
  G: '6',
  T: '7',
  B: '8',
  g: '9',
  q: '9',
};

/** For digit-only places (the first 17 characters of an ID number): letters that look like digits. */
export function lettersToDigits(text: string): string {
  return [...text].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');
}

/** ID number as printed: 17 digits and a check character 0-9 or X. */
export function normaliseIdNumber(raw: string): string {
  const t = removeSpaces(toHalfWidth(raw)).replace(/[^0-9A-Za-z|!]/g, '');
  if (t.length !== 18) return lettersToDigits(t).toUpperCase();
  const last = t[17]!;
  const check = /[xX×]/.test(last) ? 'X' : lettersToDigits(last);
  return lettersToDigits(t.slice(0, 17)) + check;
}

/**
 * Credit code: 18 characters of the GB 32100 alphabet (no I O S V Z). Positions 3–8 are a region code and
 * always digits, so look-alike letters there are read as digits; elsewhere the excluded letters are mapped to
 * the digits they are confused with.
 */
export function normaliseCreditCode(raw: string): string {
  const t = removeSpaces(toHalfWidth(raw)).toUpperCase().replace(/[^0-9A-Z|!]/g, '');
  const excluded: Record<string, string> = { I: '1', O: '0', S: '5', V: 'U', Z: '2', '|': '1', '!': '1' };
  return [...t]
    .map((c, i) => (i >= 2 && i < 8 ? lettersToDigits(c) : (excluded[c] ?? c)))
    .join('');
}
