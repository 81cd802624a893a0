import iconv from 'iconv-lite';
import { CsvSyntaxError, parseCsv } from '../../../shared/screening/csv';
import { mapHeader, ROW_PROBLEM_LABELS, validateRow, type NegativeListRow, type RowProblem } from '../../../shared/screening/negative-list-row';
import type { Label } from '../../../shared/domain/label';

/**
 * Reading a negative-list CSV file, apart from where its rows go: decoding (UTF-8 or GBK), the header, each
 * row checked, the report. The desktop's importer writes the rows into its SQLite file; the central server's
 * importer (server/screening/) into PostgreSQL — both through this one reader, so a file is judged the same
 * wherever it is imported.
 */
export type ImportEncoding = 'auto' | 'utf-8' | 'gbk';
export type FatalCode = 'empty' | 'too_large' | 'encoding' | 'no_header' | 'no_rows' | 'malformed_csv' | 'too_many_rows';

export interface ImportReport {
  importId: number | null;
  fileName: string;
  encoding: 'utf-8' | 'gbk' | null;
  sizeBytes: number;
  /** False when a fatal error stopped the import: then nothing at all was added. */
  imported: boolean;
  fatal: { code: FatalCode; message: string; messageEn: string; line: number | null } | null;
  totalRows: number;
  accepted: number;
  rejected: number;
  byProblem: Partial<Record<RowProblem, number>>;
  /** The first rejected rows, with their line in the file and why. */
  rejectedRows: { line: number; problem: RowProblem; message: string; messageEn: string }[];
  ignoredColumns: string[];
  /** Entries on the list after the import. */
  listSize: number;
}

const FATAL_TEXT: Record<FatalCode, Label> = {
  empty: { zh: '文件为空', en: 'The file is empty' },
  too_large: { zh: '文件过大', en: 'The file is too large' },
  encoding: { zh: '无法识别文件编码（支持 UTF-8 和 GBK）', en: 'The file is neither valid UTF-8 nor GBK' },
  no_header: { zh: '缺少表头或表头中没有身份证号、统一社会信用代码或姓名+出生日期列', en: 'No header naming an ID number, credit code or name + birth date column' },
  no_rows: { zh: '文件只有表头，没有数据行', en: 'The file has a header but no rows' },
  malformed_csv: { zh: 'CSV 格式错误（引号未闭合或位置不对）', en: 'Malformed CSV (an unclosed or misplaced quote)' },
  too_many_rows: { zh: '行数超过上限', en: 'Too many rows' },
};

/** How many rejected rows a report lists (every rejection is counted in `byProblem`). */
export const REPORTED_ROWS = 200;

export class FatalImport extends Error {
  constructor(
    readonly code: FatalCode,
    readonly line: number | null = null,
    readonly extra: Label | null = null,
  ) {
    super(code);
  }
}

export function emptyReport(fileName: string, encoding: 'utf-8' | 'gbk' | null, sizeBytes: number): ImportReport {
  return { importId: null, fileName, encoding, sizeBytes, imported: false, fatal: null, totalRows: 0, accepted: 0, rejected: 0, byProblem: {}, rejectedRows: [], ignoredColumns: [], listSize: 0 };
}

/** The words of a fatal error, always ending in "nothing was imported". */
export function fatalOf(e: FatalImport): NonNullable<ImportReport['fatal']> {
  const text = FATAL_TEXT[e.code];
  const where = e.line !== null ? { zh: `（第 ${e.line} 行）`, en: ` (line ${e.line})` } : { zh: '', en: '' };
  return {
    code: e.code,
    message: `${text.zh}${e.extra ? `：${e.extra.zh}` : ''}${where.zh}，未导入任何数据`,
    messageEn: `${text.en}${e.extra ? `: ${e.extra.en}` : ''}${where.en}; nothing was imported`,
    line: e.line,
  };
}

export function sizeText(bytes: number, maxBytes: number): Label {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return { zh: `${mb(bytes)}，上限 ${mb(maxBytes)}`, en: `${mb(bytes)}, at most ${mb(maxBytes)}` };
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK; or as the person chose. */
export function decodeList(bytes: Uint8Array, encoding: ImportEncoding): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (encoding !== 'gbk') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      if (encoding === 'utf-8') throw new FatalImport('encoding', null, { zh: '文件不是有效的 UTF-8，如为 GBK 请选择 GBK', en: 'not valid UTF-8; choose GBK if it is GBK' });
    }
  }
  // GB18030 decodes every GBK file and more; a replacement character means bytes that are neither.
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (text.includes('\uFFFD')) throw new FatalImport('encoding');
  return { text, encoding: 'gbk' };
}

/** Decodes and checks that there is something to read; throws FatalImport. */
export function openList(bytes: Uint8Array, encoding: ImportEncoding, maxBytes: number): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes.length > maxBytes) throw new FatalImport('too_large', null, sizeText(bytes.length, maxBytes));
  const decoded = decodeList(bytes, encoding);
  if (!/[^\s\uFEFF]/.test(decoded.text)) throw new FatalImport('empty');
  return decoded;
}

/** Counts a rejected row and lists it among the first REPORTED_ROWS. */
export function rejectRow(report: ImportReport, line: number, problem: RowProblem): void {
  report.rejected += 1;
  report.byProblem[problem] = (report.byProblem[problem] ?? 0) + 1;
  if (report.rejectedRows.length < REPORTED_ROWS) {
    report.rejectedRows.push({ line, problem, message: ROW_PROBLEM_LABELS[problem].zh, messageEn: ROW_PROBLEM_LABELS[problem].en });
  }
}

/**
 * Rows found to be rejected after they were read (the central server learns which entries were already
 * listed only when it inserts a batch): moved from accepted to rejected, and the listed rows kept the first
 * REPORTED_ROWS by line.
 */
export function rejectLate(report: ImportReport, lines: readonly number[], problem: RowProblem): void {
  if (lines.length === 0) return;
  report.accepted -= lines.length;
  report.rejected += lines.length;
  report.byProblem[problem] = (report.byProblem[problem] ?? 0) + lines.length;
  const first = [...lines].sort((a, b) => a - b).slice(0, REPORTED_ROWS);
  const late = first.map((line) => ({ line, problem, message: ROW_PROBLEM_LABELS[problem].zh, messageEn: ROW_PROBLEM_LABELS[problem].en }));
  report.rejectedRows = [...report.rejectedRows, ...late].sort((a, b) => a.line - b.line).slice(0, REPORTED_ROWS);
}

/**
 * Reads every data row of the decoded file: header first, then each row validated and de-duplicated within
 * the file. `store` is told each good row and answers false if that entry is already on the list. Throws
 * FatalImport (no header, broken CSV, too many rows, no rows); the caller's transaction then keeps nothing.
 */
export function readRows(text: string, opts: { today: string; maxRows: number }, report: ImportReport, store: (row: NegativeListRow, line: number) => boolean): void {
  let header: { width: number; columns: Parameters<typeof validateRow>[2] } | null = null;
  const seen = new Set<string>();
  try {
    parseCsv(text, ({ line, fields }) => {
      if (!header) {
        const h = mapHeader(fields);
        if (!h.ok) throw new FatalImport('no_header', line);
        header = { width: fields.length, columns: h.columns };
        report.ignoredColumns = h.ignored;
        return;
      }
      report.totalRows += 1;
      if (report.totalRows > opts.maxRows) throw new FatalImport('too_many_rows', line, { zh: `上限 ${opts.maxRows} 行`, en: `at most ${opts.maxRows} rows` });
      const v = validateRow(fields, header.width, header.columns, opts.today);
      if ('problem' in v) return rejectRow(report, line, v.problem);
      if (seen.has(v.row.matchKey)) return rejectRow(report, line, 'duplicate_in_file');
      seen.add(v.row.matchKey);
      if (!store(v.row, line)) return rejectRow(report, line, 'already_listed');
      report.accepted += 1;
    });
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new FatalImport('malformed_csv', e.line);
    throw e;
  }
  if (report.totalRows === 0) throw new FatalImport('no_rows');
}
