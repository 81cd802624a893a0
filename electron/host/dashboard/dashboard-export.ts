import ExcelJS from 'exceljs';
import type { DrillRow } from '../../../shared/api/dashboard-api';
import { PRODUCTS } from '../../../shared/products/catalog';
import { both, type CellValue, type TableModel } from '../../../shared/dashboard/tables';
import { formatYuan } from '../../../shared/money/fen';
import { STATE_LABELS } from '../../../shared/workflow/states';
import { cell } from '../audit/audit-query';

const NUMBER_FORMATS: Record<TableModel['columns'][number]['format'], string> = {
  text: '@',
  int: '0',
  number: '0.0',
  percent: '0.0%',
  money: '#,##0.00',
};

/** CSV with a BOM (Excel reads UTF-8 Chinese only with it); headers carry both languages. */
export function toCsv(model: TableModel): string {
  const lines = [model.columns.map((c) => cell(both(c))).join(',')];
  // Money as exact yuan text from integer fen (no thousands separators: a spreadsheet reads 1409.50 as a number).
  const shown = (v: CellValue, i: number) => (model.columns[i]!.format === 'money' && typeof v === 'number' ? formatYuan(v).replaceAll(',', '') : (v ?? ''));
  for (const row of model.rows) lines.push(row.map((v, i) => cell(shown(v, i))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** One sheet named in both languages: bold frozen header, rates as percentages, text cells kept as text (never formulas). */
export async function toXlsx(model: TableModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '信贷工厂工作台 Credit Factory Workbench';
  const sheet = workbook.addWorksheet(both(model.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = model.columns.map((c) => ({
    header: `${c.zh}\n${c.en}`,
    width: Math.min(48, Math.max(12, c.zh.length * 2 + 4, c.en.length + 2)),
    style: { numFmt: NUMBER_FORMATS[c.format] },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  // A spreadsheet keeps every number as a double: money goes in as yuan, shown with two decimals.
  const money = model.columns.map((c) => c.format === 'money');
  for (const row of model.rows) sheet.addRow(row.map((v, i) => (money[i] && typeof v === 'number' ? v / 100 : (v ?? null))));
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** The drill-down list as a table (the cases as they stand now). */
export function drillTable(rows: readonly DrillRow[]): TableModel {
  const text = (zh: string, en: string) => ({ zh, en, format: 'text' as const });
  return {
    name: 'cases',
    title: { zh: '案件明细', en: 'Cases' },
    columns: [
      text('申请编号', 'Application'),
      text('客户名称', 'Customer'),
      text('产品', 'Product'),
      { zh: '金额(元)', en: 'Amount (yuan)', format: 'money' },
      text('受理网点', 'Branch'),
      text('状态', 'State'),
      text('处理人', 'Assignee'),
      text('进入阶段时间(UTC)', 'Stage entered (UTC)'),
      text('SLA到期(UTC)', 'SLA due (UTC)'),
    ],
    rows: rows.map((r) => [
      r.appNo,
      r.customerName,
      both(PRODUCTS[r.productCode]),
      r.amountFen,
      r.branchName,
      both(STATE_LABELS[r.state]),
      r.assigneeName ?? '',
      r.stageEnteredAt,
      r.slaDueAt ?? '',
    ]),
  };
}
