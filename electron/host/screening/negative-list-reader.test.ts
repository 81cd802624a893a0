import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/validators/generate';
import { emptyReport, readRows, rejectLate, REPORTED_ROWS } from './negative-list-reader';

const id = (k: number) => makeIdNumber('330102', `1980-0${1 + (k % 9)}-1${k % 10}`, k % 1000);

describe('negative-list reader', () => {
  it('reports entries found to be listed already after reading, by line, among the other rejections', () => {
    const report = { ...emptyReport('x.csv', 'utf-8', 100), imported: true };
    const rows = ['姓名,身份证号', `甲,${id(1)}`, '乙,123', `丙,${id(3)}`, `丁,${id(4)}`, `甲,${id(1)}`];
    const lines: number[] = [];
    readRows(rows.join('\n'), { today: '2026-11-24', maxRows: 100 }, report, (_row, line) => {
      lines.push(line);
      return true;
    });
    expect(lines).toEqual([2, 4, 5]);
    expect(report).toMatchObject({ totalRows: 5, accepted: 3, rejected: 2 });
    rejectLate(report, [5, 2], 'already_listed');
    expect(report).toMatchObject({ accepted: 1, rejected: 4, byProblem: { invalid_id_number: 1, duplicate_in_file: 1, already_listed: 2 } });
    expect(report.rejectedRows.map((r) => [r.line, r.problem])).toEqual([
      [2, 'already_listed'],
      [3, 'invalid_id_number'],
      [5, 'already_listed'],
      [6, 'duplicate_in_file'],
    ]);
  });

  it('lists only the first rejected rows by line however many there are', () => {
    const report = { ...emptyReport('x.csv', 'utf-8', 100), imported: true, accepted: 1000 };
    for (let line = 1; line <= 300; line += 2) report.rejectedRows.push({ line, problem: 'no_key', message: '', messageEn: '' });
    rejectLate(report, Array.from({ length: 500 }, (_, k) => 1000 - 2 * k), 'already_listed');
    expect(report.rejectedRows).toHaveLength(REPORTED_ROWS);
    const listed = report.rejectedRows.map((r) => r.line);
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    expect(listed[0]).toBe(1);
    expect(report.accepted).toBe(500);
  });
});
