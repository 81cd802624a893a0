import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { capitalAmount } from '../../shared/contracts/capital-amount';
import { composeContract, type ComposedContract } from '../../shared/contracts/compose-contract';
import { contractInputFromCase } from '../../shared/contracts/contract-input';
import { approvedDecision, canonicalJson } from '../../shared/contracts/decision-data';
import { sampleApprovedCase, sampleFullCase, SAMPLE_COLLATERAL, SAMPLE_GUARANTOR } from '../../shared/contracts/sample-case';
import { TemplateBody, type ContractTemplate } from '../../shared/contracts/template-model';
import type { CaseRecord } from '../../shared/domain/case';
import { formatYuan } from '../../shared/money/fen';
import { ContractFont } from '../../electron/host/contracts/contract-font';
import { renderContractPdf } from '../../electron/host/contracts/render-contract';
import { defaultResourcesDir } from '../../electron/host/contracts/resources-dir';
import { inkPerPage, pdfInfo, pdfText, qpdfCheck, renderPng, singleSpaced } from './support/contracts-pdf-tools';

const resources = defaultResourcesDir();
const font = new ContractFont(() => resources);
const template = (docType: string): ContractTemplate => ({
  ...TemplateBody.parse(JSON.parse(readFileSync(join(resources, 'templates', `${docType}.json`), 'utf8'))),
  version: 1,
});
const TEMPLATES = { loan: template('loan'), guarantee: template('guarantee'), mortgage: template('mortgage') };
const NO = '3201001-2026-JK000042';
const GENERATED_AT = '2026-11-24T02:00:00.000Z';

function compose(c: CaseRecord): { contract: ComposedContract; decisionSha256: string } {
  const d = approvedDecision(c);
  if (!d.ok) throw new Error(d.error.messageEn);
  const decisionSha256 = createHash('sha256').update(canonicalJson(d.value)).digest('hex');
  const input = contractInputFromCase(c, d.value, { bankName: '信贷工厂示范银行股份有限公司', decisionSha256 });
  const r = composeContract(input, NO, TEMPLATES);
  if (!r.ok) throw new Error(r.error.messageEn);
  return { contract: r.value, decisionSha256 };
}

const render = async (contract: ComposedContract, subsetFont = true) =>
  (await renderContractPdf(contract, font.bytes(), await font.fontkit(), { version: 3, generatedAt: GENERATED_AT, author: '信贷工厂示范银行股份有限公司南京分行营业部', subsetFont })).bytes;

/** Lines of pdftotext -layout output, trimmed and single-spaced. */
function lines(text: string): Set<string> {
  return new Set(text.split('\n').map((l) => singleSpaced(l).trim()));
}

/** The same PDF with the embedded font program removed: what a renderer shows when a subset is broken. */
async function withoutFontProgram(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) obj.delete(PDFName.of('FontFile2'));
  }
  return doc.save();
}

describe('contract PDF: text, structure and drawn glyphs', () => {
  // A 小微企业 borrower, 523,456.78 over 36 months: the 3-page contract of the benchmark.
  const loanCase = sampleApprovedCase({ segment: 'micro_enterprise' }, { amountFen: 52_345_678, termMonths: 36, rateBp: 435 });
  let loan: { contract: ComposedContract; decisionSha256: string };
  let loanPdf: Uint8Array;
  let loanText: string;

  beforeAll(async () => {
    loan = compose(loanCase);
    loanPdf = await render(loan.contract);
    loanText = pdfText(loanPdf);
  });

  it('reads back the parties, the amount in capitals and figures, and every schedule row exactly', () => {
    const got = lines(loanText);
    expect(loanText).toContain('流动资金借款合同');
    expect(got).toContain(`合同编号： ${NO}`);
    expect(loanText).toContain('信贷工厂示范银行股份有限公司南京分行营业部');
    expect(got).toContain('借款人（乙方）： 南京恒达五金制品有限公司');
    expect(got).toContain('统一社会信用代码： 91320102MA1X8Y2K35');
    expect(got).toContain('法定代表人： 王建国');
    expect(capitalAmount(52_345_678)).toBe('伍拾贰万叁仟肆佰伍拾陆元柒角捌分');
    expect(got).toContain('借款金额（大写）： 人民币伍拾贰万叁仟肆佰伍拾陆元柒角捌分');
    expect(got).toContain('借款金额（小写）： ¥523,456.78');
    const s = loan.contract.schedule;
    expect(s.rows).toHaveLength(36);
    for (const r of s.rows) {
      expect(got, `row ${r.period}`).toContain(`${r.period} ${formatYuan(r.paymentFen)} ${formatYuan(r.principalFen)} ${formatYuan(r.interestFen)} ${formatYuan(r.balanceFen)}`);
    }
    expect(got).toContain(`合计 ${formatYuan(s.totalPaymentFen)} ${formatYuan(s.principalFen)} ${formatYuan(s.totalInterestFen)}`);
  });

  it('prints the SHA-256 of the approved decision on every page and "第 x 页 共 y 页"', () => {
    const pages = loanText.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`审批决定数据 SHA-256：${loan.decisionSha256}`);
      expect(page.replace(/\s+/g, '')).toContain(`第${i + 1}页共3页`);
      expect(page).toContain(`合同编号：${NO}`);
    });
  });

  it('stores the decision digest, contract number and version in the PDF metadata', () => {
    const info = pdfInfo(loanPdf);
    expect(info.DecisionSHA256).toBe(loan.decisionSha256);
    expect(info.ContractNo).toBe(NO);
    expect(info.ContractVersion).toBe('3');
    expect(info.Subject).toBe(`审批决定数据 SHA-256 ${loan.decisionSha256}`);
    expect(info.Keywords).toContain(`decision-sha256=${loan.decisionSha256}`);
  });

  it('passes qpdf --check', () => {
    const r = qpdfCheck(loanPdf);
    expect(r.output).toContain('No syntax or stream encoding errors found');
    expect(r.output).not.toMatch(/WARNING/i);
    expect(r.status).toBe(0);
  });

  it('draws every glyph: each page has the ink of the same text with the whole font embedded', async () => {
    const subsetInk = inkPerPage(loanPdf);
    const fullFontPdf = await render(loan.contract, false);
    expect(fullFontPdf.byteLength).toBeGreaterThan(5_000_000); // really the unsubsetted font
    const fullInk = inkPerPage(fullFontPdf);
    expect(subsetInk).toHaveLength(3);
    subsetInk.forEach((ink, i) => {
      expect(ink, `page ${i + 1}`).toBeGreaterThan(3_000);
      expect(Math.abs(ink - fullInk[i]!) / fullInk[i]!, `page ${i + 1}: ${ink} vs ${fullInk[i]}`).toBeLessThan(0.01);
    });
    // The check can fail: without the font program MuPDF has no CJK glyph to draw and the ink drops sharply.
    // (Digits fall back to MuPDF's built-in Latin font and the table rules stay, so the schedule page drops least.)
    const brokenInk = inkPerPage(await withoutFontProgram(loanPdf));
    brokenInk.forEach((ink, i) => expect(ink, `page ${i + 1}`).toBeLessThan(subsetInk[i]! * 0.9));
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(brokenInk)).toBeLessThan(total(subsetInk) * 0.6);
    // For a person to look at: test-results/contracts/loan-page-1.png
    mkdirSync('test-results/contracts', { recursive: true });
    renderPng(loanPdf, 1, 'test-results/contracts/loan-page-1.png');
  });

  it('extracts the same text whatever another contract printed before (no glyph state shared between PDFs)', async () => {
    // 一 (U+4E00) and the Kangxi radical ⼀ (U+2F00) share one glyph in Noto Sans SC; a font object reused across
    // documents would keep the first code point it met and make later contracts extract ⼀.
    const odd = compose(sampleApprovedCase({ segment: 'micro_enterprise', enterprise: { ...sampleApprovedCase().data.enterprise!, name: '⼀号五金店' } }));
    pdfText(await render(odd.contract));
    const again = pdfText(await render(loan.contract));
    expect(again).toContain('统一社会信用代码');
    expect(again).toBe(loanText);
  });

  it('prints the guarantee and mortgage contracts of a 抵押快贷 with a guarantor, each numbered on its own', async () => {
    const full = compose(sampleFullCase());
    const bytes = await render(full.contract);
    expect(qpdfCheck(bytes).status).toBe(0);
    const text = pdfText(bytes);
    const got = lines(text);
    expect(full.contract.documents.map((d) => d.documentNo)).toEqual([NO, `${NO}-BZ`, `${NO}-DY`]);
    expect(got).toContain(`保证人（乙方）： ${SAMPLE_GUARANTOR.name}`);
    expect(got).toContain(`居民身份证： ${SAMPLE_GUARANTOR.idNumber}`);
    expect(got).toContain(`抵押人（乙方）： ${SAMPLE_COLLATERAL.ownerName}`);
    expect(got).toContain(`不动产权证书号： ${SAMPLE_COLLATERAL.certificateNo}`);
    expect(got).toContain('评估价值（大写）： 人民币叁佰贰拾万元整');
    expect(got).toContain('主债权本金（大写）： 人民币壹佰万元整');
    for (const r of full.contract.schedule.rows) {
      expect(got, `row ${r.period}`).toContain(`${r.period} ${formatYuan(r.paymentFen)} ${formatYuan(r.principalFen)} ${formatYuan(r.interestFen)} ${formatYuan(r.balanceFen)}`);
    }
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain(`合同编号：${NO}-BZ版本：v3第1页共1页`);
    expect(compact).toContain(`合同编号：${NO}-DY版本：v3第2页共2页`);
    const ink = inkPerPage(bytes, 30);
    const fullFontInk = inkPerPage(await render(full.contract, false), 30);
    ink.forEach((v, i) => expect(Math.abs(v - fullFontInk[i]!) / fullFontInk[i]!, `page ${i + 1}`).toBeLessThan(0.01));
  });
});
