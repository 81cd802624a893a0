import { rgb } from 'pdf-lib';
import type { ComposedBlock } from '../../../shared/contracts/compose-contract';
import type { Schedule } from '../../../shared/contracts/repayment-schedule';
import { formatYuan } from '../../../shared/money/fen';
import { breakLines } from './text-wrap';
import { CONTENT_WIDTH, PAGE, type PdfFlow } from './pdf-flow';

/** 五号 (10.5 pt) body text with generous leading, as printed contracts use. */
export const BODY = { size: 10.5, lineHeight: 18 } as const;
const INDENT = '　　'; // two ideographic spaces: the first-line indent of Chinese prose
const CLAUSE_NUMBERS = '一二三四五六七八九十';

function clauseLabel(i: number): string {
  const n = i + 1;
  const text = n <= 10 ? CLAUSE_NUMBERS[i]! : n < 20 ? `十${CLAUSE_NUMBERS[n - 11]}` : String(n);
  return `（${text}）`;
}

export function drawHeading(flow: PdfFlow, heading: string): void {
  // Keep a heading with at least two lines of what it heads.
  flow.ensure(8 + 20 + 2 * BODY.lineHeight);
  flow.y -= 8;
  flow.text(heading, PAGE.left, flow.y, 11.5, 20);
  flow.y -= 20;
}

export function drawBlock(flow: PdfFlow, block: ComposedBlock, schedule: Schedule): void {
  const x = PAGE.left;
  switch (block.kind) {
    case 'paragraph':
      flow.paragraph(INDENT + block.text, x, CONTENT_WIDTH, BODY.size, BODY.lineHeight);
      break;
    case 'clauses':
      block.items.forEach((item, i) => drawHanging(flow, clauseLabel(i), item, flow.width('（十）', BODY.size) + 2));
      break;
    case 'fields': {
      const widest = Math.max(...block.rows.map((r) => flow.width(`${r.label}：`, BODY.size)));
      const labelWidth = Math.min(widest + 4, 180);
      for (const row of block.rows) drawHanging(flow, `${row.label}：`, row.value, labelWidth);
      break;
    }
    case 'schedule':
      drawSchedule(flow, schedule);
      break;
    case 'signatures':
      drawSignatures(flow, block.parties);
      break;
  }
  flow.y -= 4;
}

/** A label in its own column with the text wrapped beside it (clause numbers, field labels). */
function drawHanging(flow: PdfFlow, label: string, text: string, labelWidth: number): void {
  const lines = breakLines(text, CONTENT_WIDTH - labelWidth, (t) => flow.width(t, BODY.size));
  lines.forEach((line, i) => {
    flow.ensure(BODY.lineHeight);
    if (i === 0) flow.text(label, PAGE.left, flow.y, BODY.size, BODY.lineHeight);
    flow.text(line, PAGE.left + labelWidth, flow.y, BODY.size, BODY.lineHeight);
    flow.y -= BODY.lineHeight;
  });
}

const TABLE = { size: 9, rowHeight: 14.5, pad: 6 } as const;
/** 期次 | 应还本息 | 应还本金 | 应还利息 | 剩余本金: widths sum to the content width. */
const COLUMNS = [
  { title: '期次', width: 47, align: 'center' },
  { title: '应还本息', width: 106, align: 'right' },
  { title: '应还本金', width: 106, align: 'right' },
  { title: '应还利息', width: 100, align: 'right' },
  { title: '剩余本金', width: CONTENT_WIDTH - 47 - 106 - 106 - 100, align: 'right' },
] as const;
const HEADER_FILL = rgb(0.92, 0.93, 0.95);

function drawRow(flow: PdfFlow, cells: readonly string[], header = false): void {
  const top = flow.y;
  if (header) {
    flow.page.drawRectangle({ x: PAGE.left, y: top - TABLE.rowHeight, width: CONTENT_WIDTH, height: TABLE.rowHeight, color: HEADER_FILL });
  }
  let x = PAGE.left;
  COLUMNS.forEach((col, i) => {
    const text = cells[i] ?? '';
    const w = flow.width(text, TABLE.size);
    const align = header ? 'center' : col.align;
    const tx = align === 'center' ? x + (col.width - w) / 2 : x + col.width - TABLE.pad - w;
    flow.text(text, tx, top, TABLE.size, TABLE.rowHeight);
    x += col.width;
  });
  flow.y -= TABLE.rowHeight;
  flow.rule(PAGE.left, PAGE.left + CONTENT_WIDTH, flow.y, header ? 0.8 : 0.3);
}

/** The full repayment schedule, one row per instalment, the header repeated on every page it spans. */
export function drawSchedule(flow: PdfFlow, s: Schedule): void {
  const header = () => {
    flow.rule(PAGE.left, PAGE.left + CONTENT_WIDTH, flow.y, 0.8);
    drawRow(flow, COLUMNS.map((c) => c.title), true);
  };
  flow.ensure(TABLE.rowHeight * 3);
  header();
  const rows: string[][] = s.rows.map((r) => [String(r.period), formatYuan(r.paymentFen), formatYuan(r.principalFen), formatYuan(r.interestFen), formatYuan(r.balanceFen)]);
  rows.push(['合计', formatYuan(s.totalPaymentFen), formatYuan(s.principalFen), formatYuan(s.totalInterestFen), '']);
  for (const cells of rows) {
    if (flow.y - TABLE.rowHeight < PAGE.bottom) {
      flow.newPage();
      header();
    }
    drawRow(flow, cells);
  }
  flow.y -= 6;
}

const SIGN = { gap: 24, lineHeight: 26 } as const;

/** Signature and seal blocks side by side; kept on one page. */
export function drawSignatures(flow: PdfFlow, parties: { title: string; lines: string[] }[]): void {
  const columnWidth = (CONTENT_WIDTH - SIGN.gap * (parties.length - 1)) / parties.length;
  const columns = parties.map((p) => ({
    title: breakLines(p.title, columnWidth, (t) => flow.width(t, BODY.size)),
    lines: p.lines.flatMap((l) => breakLines(l, columnWidth, (t) => flow.width(t, BODY.size))),
  }));
  const height = Math.max(...columns.map((c) => c.title.length * BODY.lineHeight + c.lines.length * SIGN.lineHeight));
  flow.ensure(height + 24);
  flow.y -= 24;
  const top = flow.y;
  columns.forEach((c, i) => {
    const x = PAGE.left + i * (columnWidth + SIGN.gap);
    let y = top;
    for (const line of c.title) {
      flow.text(line, x, y, BODY.size, BODY.lineHeight);
      y -= BODY.lineHeight;
    }
    for (const line of c.lines) {
      flow.text(line, x, y - (SIGN.lineHeight - BODY.lineHeight), BODY.size, BODY.lineHeight);
      y -= SIGN.lineHeight;
    }
  });
  flow.y = top - height;
}
