import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capitalAmount } from '../../shared/contracts/capital-amount';
import { approvedDecision, canonicalJson } from '../../shared/contracts/decision-data';
import type { CaseRecord } from '../../shared/domain/case';
import { formatYuan } from '../../shared/money/fen';
import { pdfInfo, pdfText, qpdfCheck } from './support/contracts-pdf-tools';
import { tempHost, value, type TempHost } from './support/temp-host';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('contract desk through the API on a real host', () => {
  let h: TempHost;
  let clerk: string; // 张敏, contract.work
  let clerk2: string; // 王芳, contract.work
  let officer: string;
  let supervisor: string;
  let admin: string;
  let approved: string[];

  const db = () => new Database(h.dbFile);
  const count = (table: string) => {
    const d = db();
    try {
      return (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    } finally {
      d.close();
    }
  };
  /** Direct edits stand for data that arrived damaged (e.g. through sync): the desk must refuse it. */
  const tamper = (sql: string, ...params: unknown[]) => {
    const d = db();
    try {
      d.prepare(sql).run(...params);
    } finally {
      d.close();
    }
  };
  const record = (caseId: string): CaseRecord => h.host.services.cases.get(caseId)!;
  const pdfOf = async (token: string, caseId: string, version: number) => {
    const p = value(await h.call('contract:pdf', token, { caseId, version }));
    return { ...p, bytes: new Uint8Array(Buffer.from(p.base64, 'base64')) };
  };

  beforeAll(async () => {
    h = await tempHost({ cases: 300 });
    [clerk, clerk2, officer, supervisor, admin] = await Promise.all(['zhangmin', 'wangfang', 'liqiang', 'zhouyan', 'admin'].map((u) => h.login(u)));
    const queue = value(await h.call('queue:list', clerk, { queue: 'contract_desk', startRow: 0, endRow: 100 }));
    approved = queue.rows.filter((r) => r.assigneeId === null).map((r) => r.id);
    expect(approved.length).toBeGreaterThan(6);
  });
  afterAll(() => h.close());

  it('lets only the contract desk (contract.work) see, generate and record contracts', async () => {
    const caseId = approved[0]!;
    for (const token of [officer, supervisor, admin]) {
      for (const r of [
        await h.call('contract:desk', token, { caseId }),
        await h.call('contract:generate', token, { caseId }),
        await h.call('contract:pdf', token, { caseId, version: 1 }),
        await h.call('contract:record', token, { caseId, version: 1 }),
      ]) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('forbidden');
      }
    }
    const desk = value(await h.call('contract:desk', clerk, { caseId }));
    expect(desk.state).toBe('approved');
    expect(desk.versions).toEqual([]);
    expect(desk.problems).toEqual([]);
    expect(desk.parties[0]).toMatchObject({ role: 'borrower', idKind: expect.stringMatching(/^(person|enterprise)$/) });
  });

  it('requires the case to be claimed by the clerk who generates', async () => {
    const caseId = approved[0]!;
    const r = await h.call('contract:generate', clerk, { caseId });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('请先领取该案件');
    value(await h.call('case:claim', clerk, { caseId }));
    const other = await h.call('contract:generate', clerk2, { caseId });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toBe('该案件由 张敏 处理中，您不能操作');
    expect(count('contract_versions')).toBe(0);
  });

  it('generates a contract that prints exactly the approved decision, hashed in the footer and the metadata', async () => {
    const caseId = approved[0]!;
    const c = record(caseId);
    const v1 = value(await h.call('contract:generate', clerk, { caseId }));
    expect(v1.version).toBe(1);
    expect(v1.contractNo).toMatch(new RegExp(`^${c.data.branchCode}-2026-JK\\d{6}$`));
    const decision = approvedDecision(c);
    if (!decision.ok) throw new Error('no decision');
    const decisionSha = sha256(canonicalJson(decision.value));
    expect(v1.decisionSha256).toBe(decisionSha);
    const pdf = await pdfOf(clerk, caseId, 1);
    expect(pdf.sha256).toBe(v1.sha256);
    expect(sha256(pdf.bytes)).toBe(v1.sha256);
    expect(qpdfCheck(pdf.bytes).status).toBe(0);
    const text = pdfText(pdf.bytes);
    const p = c.proposal!;
    expect(text).toContain(`人民币${capitalAmount(p.amountFen!)}`);
    expect(text).toContain(`¥${formatYuan(p.amountFen!)}`);
    expect(text).toContain(`借款期限为${p.termMonths}个月`);
    expect(text).toContain(`审批决定数据 SHA-256：${decisionSha}`);
    expect(text).toContain(c.data.applicant.name);
    expect(pdfInfo(pdf.bytes).DecisionSHA256).toBe(decisionSha);
    const desk = value(await h.call('contract:desk', clerk, { caseId }));
    expect(desk.contractNo).toBe(v1.contractNo);
    expect(desk.decision?.sha256).toBe(decisionSha);
    expect(desk.versions.map((v) => v.version)).toEqual([1]);
    const history = value(await h.call('case:get', clerk, { caseId })).history;
    expect(history.at(-1)).toMatchObject({ action: 'contractGenerated', fromState: 'approved', toState: 'approved' });
    expect(history.at(-1)!.details).toMatchObject({ contractNo: v1.contractNo, version: 1, sha256: v1.sha256 });
  });

  it('makes a new version on regeneration and keeps the old one, under the same number', async () => {
    const caseId = approved[0]!;
    h.advance(60_000);
    const v2 = value(await h.call('contract:generate', clerk, { caseId }));
    const desk = value(await h.call('contract:desk', clerk, { caseId }));
    expect(desk.versions.map((v) => [v.version, v.contractNo])).toEqual([
      [1, v2.contractNo],
      [2, v2.contractNo],
    ]);
    expect(v2.sha256).not.toBe(desk.versions[0]!.sha256);
    const old = await pdfOf(clerk, caseId, 1);
    expect(sha256(old.bytes)).toBe(desk.versions[0]!.sha256);
    expect(pdfText(old.bytes).replace(/\s+/g, '')).toContain('版本：v1');
    expect(pdfText((await pdfOf(clerk, caseId, 2)).bytes).replace(/\s+/g, '')).toContain('版本：v2');
  });

  it('records a chosen version: the case becomes contracted and the version is marked; nothing more can be generated', async () => {
    const caseId = approved[0]!;
    const before = value(await h.call('contract:desk', clerk, { caseId }));
    const chosen = before.versions[1]!;
    const change = value(await h.call('contract:record', clerk, { caseId, version: 2 }));
    expect(change.state).toBe('contracted');
    const after = value(await h.call('contract:desk', clerk, { caseId }));
    expect(after.state).toBe('contracted');
    expect(after.versions.map((v) => v.recordedAt !== null)).toEqual([false, true]);
    const last = value(await h.call('case:get', clerk, { caseId })).history.at(-1)!;
    expect(last).toMatchObject({ action: 'contractRecorded', toState: 'contracted' });
    expect(last.details).toMatchObject({ contractNo: chosen.contractNo, sha256: chosen.sha256 });
    const again = await h.call('contract:generate', clerk, { caseId });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('invalid-transition');
    const twice = await h.call('contract:record', clerk, { caseId, version: 1 });
    expect(twice.ok).toBe(false);
    expect((await pdfOf(clerk, caseId, 1)).sha256).toBe(before.versions[0]!.sha256);
  });

  it('numbers contracts per branch and year without gaps or duplicates', async () => {
    const byBranch = new Map<string, string[]>();
    for (const caseId of approved.slice(1, 5)) {
      value(await h.call('case:claim', clerk, { caseId }));
      const v = value(await h.call('contract:generate', clerk, { caseId }));
      const branch = record(caseId).data.branchCode;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), v.contractNo]);
    }
    const all = [...byBranch.values()].flat();
    expect(new Set(all).size).toBe(all.length);
    for (const [branch, numbers] of byBranch) {
      const seqs = numbers.map((n) => Number(n.slice(-6)));
      expect(numbers.every((n) => n.startsWith(`${branch}-2026-JK`))).toBe(true);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    }
  });

  it('refuses an amount of 0 or less, a term of 0 and a missing party with a clear error, writing nothing', async () => {
    const caseId = approved[5]!;
    value(await h.call('case:claim', clerk, { caseId }));
    const c = record(caseId);
    const proposal = JSON.stringify(c.proposal);
    const data = JSON.stringify(c.data);
    const files = count('contract_files');
    const versions = count('contract_versions');
    const numbers = count('contracts');
    const cases: [string, () => void, RegExp][] = [
      ['amount 0', () => tamper('UPDATE cases SET proposal = ? WHERE id = ?', JSON.stringify({ ...c.proposal, amountFen: 0 }), caseId), /借款金额必须大于零/],
      ['amount < 0', () => tamper('UPDATE cases SET proposal = ? WHERE id = ?', JSON.stringify({ ...c.proposal, amountFen: -100 }), caseId), /借款金额必须大于零/],
      ['term 0', () => tamper('UPDATE cases SET proposal = ? WHERE id = ?', JSON.stringify({ ...c.proposal, termMonths: 0 }), caseId), /借款期限必须为 1 至 360 个月/],
      [
        'no borrower',
        () => tamper('UPDATE case_data SET data = ? WHERE case_id = ?', JSON.stringify({ ...c.data, segment: 'farmer', applicant: { ...c.data.applicant, name: '' } }), caseId),
        /缺少借款人/,
      ],
      [
        'mortgage without collateral',
        () => tamper('UPDATE case_data SET data = ? WHERE case_id = ?', JSON.stringify({ ...c.data, productCode: 'mortgage_fast', collateral: undefined }), caseId),
        /缺少抵押物信息/,
      ],
    ];
    for (const [label, damage, message] of cases) {
      damage();
      const r = await h.call('contract:generate', clerk, { caseId });
      expect(r.ok, label).toBe(false);
      if (!r.ok) {
        expect(r.error.code, label).toBe('validation');
        expect(r.error.message, label).toMatch(/^无法生成合同：/);
        expect(r.error.message, label).toMatch(message);
        expect(r.error.messageEn, label).toMatch(/^Cannot generate the contract: /);
      }
      const problem = value(await h.call('contract:desk', clerk, { caseId })).problems[0];
      expect(problem?.message, label).toMatch(message);
      expect(problem?.messageEn, label).toMatch(/^Cannot generate the contract: /);
      tamper('UPDATE cases SET proposal = ? WHERE id = ?', proposal, caseId);
      tamper('UPDATE case_data SET data = ? WHERE case_id = ?', data, caseId);
    }
    expect([count('contract_files'), count('contract_versions'), count('contracts')]).toEqual([files, versions, numbers]);
    expect(value(await h.call('contract:generate', clerk, { caseId })).version).toBe(1);
  });

  it('adds the 抵押合同 for 抵押快贷 and the 保证合同 when there is a guarantor, from the application data', async () => {
    const mortgage = approved.find((id) => record(id).data.productCode === 'mortgage_fast' && record(id).assigneeId === null);
    const guaranteed = approved.find((id) => record(id).data.guarantor && record(id).assigneeId === null && id !== mortgage);
    expect(mortgage && guaranteed).toBeTruthy();
    for (const caseId of [mortgage!, guaranteed!]) {
      const c = record(caseId);
      value(await h.call('case:claim', clerk2, { caseId }));
      const v = value(await h.call('contract:generate', clerk2, { caseId }));
      const text = pdfText((await pdfOf(clerk2, caseId, v.version)).bytes);
      if (caseId === mortgage) {
        expect(v.documents.map((d) => d.docType)).toContain('mortgage');
        expect(text).toContain('抵押合同');
        expect(text).toContain(c.data.collateral!.certificateNo);
        expect(text).toContain(`人民币${capitalAmount(c.data.collateral!.valuationFen)}`);
      } else {
        expect(v.documents.map((d) => d.docType)).toContain('guarantee');
        expect(text).toContain('保证合同');
        expect(text).toContain(c.data.guarantor!.name);
        expect(text).toContain(c.data.guarantor!.idNumber);
      }
    }
  });

  it('refuses to serve a stored PDF whose bytes no longer match its sha256', async () => {
    const caseId = approved[1]!;
    const v = value(await h.call('contract:desk', clerk, { caseId })).versions[0]!;
    tamper("UPDATE contract_files SET bytes = CAST(bytes || x'00' AS BLOB) WHERE sha256 = ?", v.sha256);
    const r = await h.call('contract:pdf', clerk, { caseId, version: v.version });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.messageEn).toMatch(/integrity/);
  });

  it('lets an admin edit a template as a new version that the next contract uses and records', async () => {
    expect((await h.call('contractTemplate:list', clerk, {})).ok).toBe(false);
    const overview = value(await h.call('contractTemplate:list', admin, {}));
    expect(overview.templates.map((t) => [t.docType, t.current.version])).toEqual([
      ['loan', 1],
      ['guarantee', 1],
      ['mortgage', 1],
    ]);
    const loan = overview.templates[0]!.current.body;
    const edited = { ...loan, sections: [...loan.sections.slice(0, -1), { heading: '第十一条 通知', blocks: [{ kind: 'paragraph' as const, text: '双方往来通知以书面形式送达本合同所列地址。' }] }, loan.sections.at(-1)!] };
    const broken = { ...loan, title: '借款合同 {{borrower.nmae}}' };
    const refused = await h.call('contractTemplate:save', admin, { body: broken });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('未知的占位符 {{borrower.nmae}}');
    const preview = value(await h.call('contractTemplate:preview', admin, { body: edited }));
    expect(pdfText(new Uint8Array(Buffer.from(preview.base64, 'base64')))).toContain('双方往来通知以书面形式送达本合同所列地址。');
    expect(value(await h.call('contractTemplate:save', admin, { body: edited }))).toEqual({ docType: 'loan', version: 2 });
    const caseId = approved[6]!;
    value(await h.call('case:claim', clerk, { caseId }));
    const v = value(await h.call('contract:generate', clerk, { caseId }));
    expect(v.documents.find((d) => d.docType === 'loan')?.templateVersion).toBe(2);
    expect(pdfText((await pdfOf(clerk, caseId, v.version)).bytes)).toContain('第十一条 通知');
    const versions = value(await h.call('contractTemplate:list', admin, {})).templates[0]!.versions;
    expect(versions.map((x) => [x.version, x.source, x.createdByName])).toEqual([
      [2, 'admin', '系统管理员'],
      [1, 'shipped', null],
    ]);
  });
});
