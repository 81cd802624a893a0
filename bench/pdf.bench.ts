import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeContract } from '../shared/contracts/compose-contract';
import { contractInputFromCase } from '../shared/contracts/contract-input';
import { approvedDecision, canonicalJson } from '../shared/contracts/decision-data';
import { sampleApprovedCase } from '../shared/contracts/sample-case';
import { TemplateBody } from '../shared/contracts/template-model';
import { ContractFont } from '../electron/host/contracts/contract-font';
import { renderContractPdf } from '../electron/host/contracts/render-contract';
import { defaultResourcesDir } from '../electron/host/contracts/resources-dir';
import { measure, report } from './support/report';

/**
 * DESIGN §12: a contract PDF of 3 pages with a 36-row schedule and a subset CJK font: < 150 ms warm, < 200 KB.
 * One generation = what the desk does after its checks: decision digest, compose, schedule, layout, subset font
 * embedding, save, sha256 of the file. `first` is the first one in a fresh process (font read from disk, code cold).
 */
async function main() {
  const resources = defaultResourcesDir();
  const font = new ContractFont(() => resources);
  const loan = { ...TemplateBody.parse(JSON.parse(readFileSync(join(resources, 'templates', 'loan.json'), 'utf8'))), version: 1 };
  const c = sampleApprovedCase({ segment: 'micro_enterprise' }, { amountFen: 52_345_678, termMonths: 36, rateBp: 435 });
  let pages = 0;
  let size = 0;
  const generate = async () => {
    const d = approvedDecision(c);
    if (!d.ok) throw new Error(d.error.messageEn);
    const decisionSha256 = createHash('sha256').update(canonicalJson(d.value)).digest('hex');
    const input = contractInputFromCase(c, d.value, { bankName: '信贷工厂示范银行股份有限公司', decisionSha256 });
    const composed = composeContract(input, '3201001-2026-JK000042', { loan });
    if (!composed.ok) throw new Error(composed.error.messageEn);
    const pdf = await renderContractPdf(composed.value, font.bytes(), await font.fontkit(), { version: 1, generatedAt: new Date().toISOString(), author: input.lenderName });
    createHash('sha256').update(pdf.bytes).digest('hex');
    pages = pdf.pages;
    size = pdf.bytes.byteLength;
  };
  const t0 = performance.now();
  await generate();
  const first = performance.now() - t0;
  if (pages !== 3) throw new Error(`expected a 3-page contract, got ${pages} pages`);
  report('pdf.first_ms', Math.round(first * 10) / 10, 'ms');
  report('pdf.warm_ms', await measure(generate, 25, 5), 'ms');
  report('pdf.size_kb', Math.round((size / 1024) * 10) / 10, 'KB');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
