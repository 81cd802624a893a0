import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { ApplicationData } from '../../../shared/domain/case';
import { prng } from '../demo/seed';
import type { CaseRepo } from '../store/case-repo';
import { renderSpecimen } from '../../../test/fixtures/documents/render';
import {
  addYears,
  randomDate,
  randomInvoice,
  randomProperty,
  randomStatement,
  type IdCardBack,
  type IdCardFront,
  type Licence,
  type Rng,
  type Specimen,
  type TaxCertificate,
} from '../../../test/fixtures/documents/specimens';
import { demoVariant, type DemoVariant } from './demo-variant';
import type { DemoDocumentSource } from './document-service';

const POLICE: Record<string, string> = {
  南京: '南京市公安局', 镇江: '镇江市公安局', 丹阳: '丹阳市公安局', 句容: '句容市公安局', 扬中: '扬中市公安局', 常州: '常州市公安局',
  无锡: '无锡市公安局', 苏州: '苏州市公安局', 扬州: '扬州市公安局', 南通: '南通市公安局', 泰州: '泰州市公安局',
};

/** Another given name, one character different: what a clerk must notice (李明 on the card, 李敏 applied). */
function misspelt(name: string): string {
  const swap = '伟芳娜敏静丽强磊军洋勇杰涛明超平刚华建红斌波宁辉';
  const last = name.at(-1)!;
  const other = [...swap].find((c) => c !== last)!;
  return name.slice(0, -1) + other;
}

function specimensFor(app: ApplicationData, variant: DemoVariant, r: Rng, today: string): Specimen[] {
  const a = app.applicant;
  const city = a.address.replace(/^江苏省/, '').slice(0, 2);
  const front: IdCardFront = {
    name: variant === 'name_mismatch' ? misspelt(a.name) : a.name,
    gender: a.gender === 'M' ? '男' : '女',
    ethnicity: '汉',
    birthDate: a.birthDate,
    address: variant === 'non_local' ? a.address.replace(/^江苏省.{2}市/, '安徽省合肥市') : a.address,
    idNumber: a.idNumber,
  };
  const validFrom = randomDate(r, Number(today.slice(0, 4)) - 9, Number(today.slice(0, 4)) - 1);
  const back: IdCardBack = { authority: POLICE[city] ?? `${city}市公安局`, validFrom, validTo: addYears(validFrom, 20) };
  const out: Specimen[] = [
    { kind: 'id_card_front', data: front },
    { kind: 'id_card_back', data: back },
  ];
  const e = app.enterprise;
  if (e) {
    const shop = /个体|店|部$/.test(e.name);
    const termTo = variant === 'licence_expired' ? addYears(today, 0, -r.int(20, 200)) : (e.licenceValidUntil ?? (r.next() < 0.5 ? '长期' : addYears(e.establishedOn, 20, -1)));
    const licence: Licence = {
      creditCode: e.creditCode,
      name: e.name,
      type: shop ? '个体工商户' : '有限责任公司（自然人投资或控股）',
      legalRepresentative: e.legalRepresentative,
      registeredCapitalFen: Math.max(e.registeredCapitalFen, 50_000 * 100),
      establishedOn: variant === 'licence_expired' ? addYears(termTo, -20, 1) : e.establishedOn,
      termTo,
      address: e.address,
      scope: `${e.industry}相关经营活动（依法须经批准的项目，经相关部门批准后方可开展经营活动）。`,
      authority: `${city}市市场监督管理局`,
      issuedOn: e.establishedOn,
    };
    out.push({ kind: 'business_licence', data: licence });
  }
  const holder = e?.name ?? a.name;
  switch (app.productCode) {
    case 'tax_loan': {
      const year = Number(today.slice(0, 4)) - 1;
      const total = app.tax?.annualTaxPaidFen ?? r.int(2_000_000, 40_000_000);
      const vat = Math.round(total * 0.7);
      const tax: TaxCertificate = {
        certNo: `3${String(r.int(1, 99_999_999_999)).padStart(17, '0')}`,
        taxpayerId: e?.creditCode ?? a.idNumber,
        taxpayer: holder,
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
        items: [
          { tax: '增值税', item: '销售货物', amountFen: vat },
          { tax: '企业所得税', item: '应纳税所得额', amountFen: total - vat },
        ],
        issuedOn: `${year + 1}-02-${String(r.int(10, 28)).padStart(2, '0')}`,
      };
      out.push({ kind: 'tax_certificate', data: tax });
      break;
    }
    case 'mortgage_fast': {
      const p = randomProperty(r, app.collateral?.ownerName ?? a.name);
      if (app.collateral) Object.assign(p, { certNo: app.collateral.certificateNo, location: app.collateral.address, areaM2: app.collateral.areaM2 });
      out.push({ kind: 'property_certificate', data: p });
      break;
    }
    case 'credit_fast':
      out.push({ kind: 'bank_statement', data: randomStatement(r, a.name, today) });
      break;
    case 'invoice_finance':
      out.push({ kind: 'invoice', data: randomInvoice(r, holder, today) });
      break;
    default:
      break;
  }
  if (variant === 'missing_document') {
    // The branch forgot the last required document (the tax or property certificate, the licence, …).
    const required = out.filter((s) => s.kind !== 'id_card_back');
    const drop = required[required.length - 1]!;
    return out.filter((s) => s !== drop);
  }
  return out;
}

const FILE_NAMES: Record<Specimen['kind'], string> = {
  id_card_front: '身份证人像面',
  id_card_back: '身份证国徽面',
  business_licence: '营业执照',
  property_certificate: '不动产权证书',
  tax_certificate: '完税证明',
  bank_statement: '银行流水',
  invoice: '增值税发票',
};

/** A scanned PDF around one page image, as a branch scanner would send it. */
async function asPdf(jpeg: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(jpeg);
  const page = doc.addPage([(image.width * 72) / 200, (image.height * 72) / 200]);
  page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  return Buffer.from(await doc.save());
}

/**
 * Renders a demo case's documents from its own application data with the fixture renderers
 * (test/fixtures/documents), so recognition finds what the application says — or, for some cases, a
 * deliberate discrepancy. The property certificate arrives as a scanned PDF, the rest as photos/scans.
 */
export class DemoDocuments implements DemoDocumentSource {
  constructor(
    private readonly cases: CaseRepo,
    private readonly today: () => string,
  ) {}

  async documentsFor(caseId: string): Promise<{ fileName: string; bytes: Buffer }[]> {
    const record = this.cases.get(caseId);
    if (!record) return [];
    const seed = createHash('sha256').update(caseId).digest().readUInt32BE(4);
    const r = prng(seed);
    const variant = demoVariant(caseId);
    const files: { fileName: string; bytes: Buffer }[] = [];
    for (const s of specimensFor(record.data, variant, r, this.today())) {
      const degraded = variant === 'degraded' && (s.kind === 'id_card_front' || s.kind === 'business_licence');
      const img = await renderSpecimen(s, degraded ? { degrade: 'random', rng: r, seed } : { format: 'jpeg', seed });
      const base = FILE_NAMES[s.kind];
      if (s.kind === 'property_certificate') {
        const jpeg = img.mime === 'image/jpeg' ? img.bytes : await sharp(img.bytes).jpeg({ quality: 88 }).toBuffer();
        files.push({ fileName: `${base}.pdf`, bytes: await asPdf(jpeg) });
      } else {
        files.push({ fileName: `${base}.${img.mime === 'image/png' ? 'png' : 'jpg'}`, bytes: img.bytes });
      }
    }
    return files;
  }
}
