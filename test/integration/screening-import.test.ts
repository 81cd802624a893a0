import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { maskIdentifier } from '../../shared/domain/masking';
import { makeCreditCode, makeIdNumber } from '../../shared/validators/generate';
import { idNumberCheckDigit } from '../../shared/validators/id-number';
import { tempHost, value, type TempHost } from './support/temp-host';

/** Negative-list CSV import through the API, chunk by chunk as the admin page sends it. */
describe('negative-list import from CSV', () => {
  let h: TempHost;
  let admin: string;
  const count = () => (h.host.services.db.prepare('SELECT count(*) AS n FROM negative_list').get() as { n: number }).n;

  async function upload(bytes: Buffer, encoding: 'auto' | 'utf-8' | 'gbk' = 'auto', fileName = '负面清单.csv') {
    const begun = value(await h.call('negativeList:begin', admin, { fileName, sizeBytes: bytes.length }));
    if (begun.report) return begun.report;
    for (let i = 0, k = 0; i < bytes.length; i += begun.chunkBytes, k++) {
      value(await h.call('negativeList:chunk', admin, { uploadId: begun.uploadId, index: k, data: bytes.subarray(i, i + begun.chunkBytes).toString('base64') }));
    }
    return value(await h.call('negativeList:commit', admin, { uploadId: begun.uploadId, encoding }));
  }
  const id = (k: number) => makeIdNumber('330102', `19${70 + (k % 30)}-0${1 + (k % 9)}-1${k % 10}`, k % 1000);

  beforeAll(async () => {
    h = await tempHost({ cases: 60 });
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  it('imports a GBK file, reporting each bad row by line and reason, and nothing else is lost', async () => {
    const before = count();
    const bad = id(2).slice(0, 17) + (id(2)[17] === '0' ? '1' : '0');
    const text = [
      '姓名,身份证号,统一社会信用代码,出生日期,原因,来源,列入日期',
      `张三丰,${id(1)},,,失信被执行人,法院,2025-03-01`,
      `李四,${bad},,,伪造材料,本行,2025-03-01`, // check digit wrong
      `王五,${id(1)},,,重复,本行,2025-03-01`, // same person again
      `,,${makeCreditCode('91', '330102', 'MA2B3C4D5')},,逃废债企业,本行,`,
      '赵六,,,1990-02-30,日期错误,本行,', // no such date
      '钱七,"一个,带逗号的",,,,,', // ID not a number
      '孙八,,,1988-08-08,冒名贷款,公安,2024-12-01',
      '只有名字', // wrong column count
    ].join('\r\n');
    const report = await upload(iconv.encode(text, 'gbk'));
    expect(report).toMatchObject({ imported: true, encoding: 'gbk', totalRows: 8, accepted: 3, rejected: 5, fatal: null });
    expect(report.rejectedRows.map((r) => [r.line, r.problem])).toEqual([
      [3, 'invalid_id_number'],
      [4, 'duplicate_in_file'],
      [6, 'invalid_birth_date'],
      [7, 'invalid_id_number'],
      [9, 'column_count'],
    ]);
    expect(report.rejectedRows[0]!.message).toBe('身份证号不合法（校验位或出生日期错误）');
    expect(count()).toBe(before + 3);
    const row = h.host.services.db.prepare('SELECT name, birth_date, reason FROM negative_list WHERE id_number = ?').get(id(1));
    expect(row).toEqual({ name: '张三丰', birth_date: `19${71}-02-11`, reason: '失信被执行人' });
  });

  it('imports UTF-8 with a BOM and English headers; an entry already listed is reported, not doubled', async () => {
    const before = count();
    const report = await upload(Buffer.from(`\uFEFFname,id_number,reason\n张三丰,${id(1)},again\n周九,${id(9)},fraud\n`, 'utf8'));
    expect(report).toMatchObject({ imported: true, encoding: 'utf-8', accepted: 1, rejected: 1, byProblem: { already_listed: 1 } });
    expect(count()).toBe(before + 1);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty', null],
    ['a file of blank lines', Buffer.from('\r\n \r\n', 'utf8'), 'empty', null],
    ['a header and no rows', Buffer.from('姓名,身份证号\r\n', 'utf8'), 'no_rows', null],
    ['no usable header', Buffer.from('名字,备注\r\n张三,x\r\n', 'utf8'), 'no_header', 1],
    ['an unclosed quote on the last line', Buffer.from(`姓名,身份证号\r\n吴十,${id(10)}\r\n"郑十一,${id(11)}\r\n`, 'utf8'), 'malformed_csv', 3],
    ['bytes that are neither UTF-8 nor GBK', Buffer.from([0xe5, 0xa7, 0x93, 0x0a, 0xff, 0xff, 0xff, 0x0a]), 'encoding', null],
  ] as [string, Buffer, string, number | null][])('refuses %s with a clear report and imports nothing', async (_label, bytes, code, line) => {
    const before = count();
    const report = await upload(bytes);
    expect(report.imported).toBe(false);
    expect(report.fatal).toMatchObject({ code, line });
    expect(report.fatal!.message).toMatch(/未导入任何数据$/);
    expect(report.fatal!.messageEn).toMatch(/nothing was imported$/);
    expect(count()).toBe(before);
  });

  it('audits an import and a refusal by file name with any identity number in it masked', async () => {
    const person = id(13);
    const auditedFileName = () =>
      JSON.parse((h.host.services.db.prepare(`SELECT details FROM audit WHERE action LIKE 'negativeListImport%' ORDER BY seq DESC LIMIT 1`).get() as { details: string }).details).fileName as string;
    await upload(Buffer.from(`姓名,身份证号\r\n冯十三,${person}\r\n`, 'utf8'), 'auto', `${person}_冯十三.csv`);
    expect(auditedFileName()).toBe(`${maskIdentifier(person)}_冯十三.csv`);
    await upload(Buffer.alloc(0), 'auto', `名单${person}.csv`);
    expect(auditedFileName()).not.toContain(person);
    expect(auditedFileName()).toBe(`名单${maskIdentifier(person)}.csv`);
  });

  it('refuses a file declared as UTF-8 that is GBK, naming the other encoding', async () => {
    const report = await upload(iconv.encode(`姓名,身份证号\r\n吴十,${id(10)}\r\n`, 'gbk'), 'utf-8');
    expect(report.fatal?.code).toBe('encoding');
    expect(report.fatal?.message).toContain('请选择 GBK');
  });

  it('takes a 50 MB file whole, and takes none of it when its last line is broken', async () => {
    const rows = ['姓名,身份证号,原因,来源,列入日期'];
    let size = 0;
    const day0 = Date.UTC(1960, 0, 1);
    for (let k = 0; size < 50 * 1024 * 1024; k++) {
      // A distinct, valid ID number per row: 40 years of birth dates × sequence numbers.
      const first17 = `650102${new Date(day0 + (k % 14_600) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')}${String(Math.floor(k / 14_600)).padStart(3, '0')}`;
      const line = `批量${k % 10_000},${first17}${idNumberCheckDigit(first17)},法院失信被执行人（批量导入测试）,最高人民法院,2025-06-01`;
      rows.push(line);
      size += Buffer.byteLength(line) + 2;
    }
    const good = Buffer.from(rows.join('\r\n') + '\r\n', 'utf8');
    expect(good.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const broken = Buffer.concat([good, Buffer.from(`"未闭合,${id(12)},x,y,2025-06-01\r\n`, 'utf8')]);
    const before = count();

    const refused = await upload(broken);
    expect(refused).toMatchObject({ imported: false, fatal: { code: 'malformed_csv', line: rows.length + 1 } });
    expect(count()).toBe(before);

    const report = await upload(good);
    expect(report).toMatchObject({ imported: true, totalRows: rows.length - 1, rejected: 0 });
    expect(report.accepted).toBe(rows.length - 1);
    expect(count()).toBe(before + rows.length - 1);
  }, 240_000);

  it('refuses a file over the size limit before it is sent, and chunks out of order', async () => {
    const big = value(await h.call('negativeList:begin', admin, { fileName: 'huge.csv', sizeBytes: 200 * 1024 * 1024 }));
    expect(big.uploadId).toBe('');
    expect(big.report).toMatchObject({ imported: false, fatal: { code: 'too_large' } });
    expect(big.report!.fatal!.message).toContain('200.0 MB，上限 64.0 MB');
    const begun = value(await h.call('negativeList:begin', admin, { fileName: 'a.csv', sizeBytes: 10 }));
    const skipped = await h.call('negativeList:chunk', admin, { uploadId: begun.uploadId, index: 1, data: 'YWJj' });
    expect(!skipped.ok && skipped.error.code).toBe('validation');
    const early = await h.call('negativeList:commit', admin, { uploadId: begun.uploadId, encoding: 'auto' });
    expect(!early.ok && early.error.message).toContain('文件未传完');
    const summary = value(await h.call('negativeList:summary', admin, {}));
    expect(summary.imports[0]).toMatchObject({ fileName: 'huge.csv', accepted: 0 });
    expect(summary.imports[0]!.fatal).toContain('too large');
    expect(summary.imports[0]!.fatalZh).toContain('200.0 MB，上限 64.0 MB');
  });

  it('is for administrators only', async () => {
    const officer = await h.login('liqiang');
    const r = await h.call('negativeList:begin', officer, { fileName: 'x.csv', sizeBytes: 10 });
    expect(!r.ok && r.error.code).toBe('forbidden');
  });
});
