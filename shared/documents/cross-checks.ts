import type { ApplicationData } from '../domain/case';
import { PRODUCTS } from '../products/catalog';
import { checkCreditCode } from '../validators/credit-code';
import { checkIdNumber } from '../validators/id-number';
import { licenceValidity } from '../validators/licence-validity';
import { parsePeriod } from './chinese-dates';
import { LOW_CONFIDENCE } from './fields';
import type { DocumentKind } from './kinds';
import { normaliseText } from './normalise';
import { editDistance } from './text-distance';
import { PROVINCE_NAMES, provinceOf } from './provinces';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export const CROSS_CHECK_IDS = [
  'applicant_name',
  'applicant_id_number',
  'id_card_expired',
  'enterprise_name',
  'credit_code',
  'legal_representative',
  'licence_expired',
  'business_age',
  'address_local',
] as const;
export type CrossCheckId = (typeof CROSS_CHECK_IDS)[number];

/** A field as the checks see it: what the document says now (the clerk's correction if there is one). */
export interface CheckedField {
  key: string;
  value: string;
  confidence: number;
  /** recognised: machine only; confirmed / corrected: a clerk has looked at it. */
  status: 'recognised' | 'confirmed' | 'corrected';
}

export interface CheckedDocument {
  id: string;
  kind: DocumentKind;
  fields: readonly CheckedField[];
}

export interface Evidence {
  documentId: string | null;
  field: string;
  ocrValue: string | null;
  applicationValue: string | null;
  confidence: number | null;
}

export interface CheckResult {
  id: CrossCheckId;
  status: CheckStatus;
  zh: string;
  en: string;
  evidence: Evidence[];
}

export interface CrossCheckInput {
  application: ApplicationData;
  documents: readonly CheckedDocument[];
  /** YYYY-MM-DD in Asia/Shanghai. */
  today: string;
}

type Found = { doc: CheckedDocument; field: CheckedField } | null;

/** The latest document of a kind that has the field (documents come in upload order). */
function fieldOf(docs: readonly CheckedDocument[], kind: DocumentKind, key: string): Found {
  for (let i = docs.length - 1; i >= 0; i--) {
    const doc = docs[i]!;
    if (doc.kind !== kind) continue;
    const field = doc.fields.find((f) => f.key === key && f.value !== '');
    if (field) return { doc, field };
  }
  return null;
}

const ev = (found: Found, field: string, applicationValue: string | null): Evidence => ({
  documentId: found?.doc.id ?? null,
  field,
  ocrValue: found?.field.value ?? null,
  applicationValue,
  confidence: found ? found.field.confidence : null,
});

const result = (id: CrossCheckId, status: CheckStatus, zh: string, en: string, evidence: Evidence[]): CheckResult => ({ id, status, zh, en, evidence });

/**
 * Compares a document value with the application. Equal → pass. Different by one character in a value the
 * machine was unsure of and no clerk has confirmed → warn (probably a misreading). Otherwise → fail.
 */
function compare(
  id: CrossCheckId,
  found: Found,
  applicationValue: string,
  what: { zh: string; en: string; kindZh: string; kindEn: string; field: string },
): CheckResult {
  const evidence = [ev(found, what.field, applicationValue)];
  if (!found) return result(id, 'warn', `未能从${what.kindZh}读取${what.zh}，请人工核对`, `No ${what.en} could be read from the ${what.kindEn}; check by hand`, evidence);
  const a = normaliseText(found.field.value).toUpperCase();
  const b = normaliseText(applicationValue).toUpperCase();
  if (a === b) return result(id, 'pass', `${what.zh}一致`, `${what.en} matches`, evidence);
  const unsure = found.field.status === 'recognised' && found.field.confidence < LOW_CONFIDENCE && editDistance(a, b) <= 1;
  if (unsure) return result(id, 'warn', `${what.zh}疑似识别误差，请核对`, `${what.en} differs by one character in an uncertain reading; check it`, evidence);
  return result(id, 'fail', `${what.kindZh}${what.zh}与申请不一致`, `${what.en} on the ${what.kindEn} differs from the application`, evidence);
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** City of the branch from its name (南京江宁支行 → 南京); the demo and real branch names start with it. */
export function branchCity(branchName: string): string {
  return branchName.slice(0, 2);
}

/** Runs every cross-check of DESIGN §6 that applies to the case. */
export function crossCheck(input: CrossCheckInput): CheckResult[] {
  const { application: app, documents: docs, today } = input;
  const out: CheckResult[] = [];
  const id = { kindZh: '身份证', kindEn: 'ID card' };
  const lic = { kindZh: '营业执照', kindEn: 'business licence' };

  out.push(compare('applicant_name', fieldOf(docs, 'id_card_front', 'name'), app.applicant.name, { ...id, zh: '姓名', en: 'Name', field: 'name' }));
  out.push(idNumberCheck(fieldOf(docs, 'id_card_front', 'idNumber'), app.applicant.idNumber, today));
  out.push(expiry('id_card_expired', fieldOf(docs, 'id_card_back', 'validity'), today, { ...id, zh: '有效期限', en: 'validity', field: 'validity' }));

  if (app.enterprise) {
    const e = app.enterprise;
    out.push(compare('enterprise_name', fieldOf(docs, 'business_licence', 'name'), e.name, { ...lic, zh: '企业名称', en: 'Enterprise name', field: 'name' }));
    out.push(creditCodeCheck(fieldOf(docs, 'business_licence', 'creditCode'), e.creditCode));
    out.push(compare('legal_representative', fieldOf(docs, 'business_licence', 'legalRepresentative'), app.applicant.name, { ...lic, zh: '法定代表人（经营者）与申请人', en: 'Legal representative vs applicant', field: 'legalRepresentative' }));
    out.push(expiry('licence_expired', fieldOf(docs, 'business_licence', 'term'), today, { ...lic, zh: '营业期限', en: 'business term', field: 'term' }));
    out.push(businessAge(fieldOf(docs, 'business_licence', 'establishedOn'), app, today));
  }
  out.push(addressLocal(docs, app));
  return out;
}

function idNumberCheck(found: Found, applicationValue: string, today: string): CheckResult {
  const evidence = [ev(found, 'idNumber', applicationValue)];
  if (!found) return result('applicant_id_number', 'warn', '未能从身份证读取公民身份号码，请人工核对', 'No ID number could be read from the ID card; check by hand', evidence);
  const check = checkIdNumber(found.field.value, today);
  if (found.field.value.toUpperCase() === applicationValue.toUpperCase()) {
    return check.valid
      ? result('applicant_id_number', 'pass', '公民身份号码一致，校验位正确', 'ID number matches and its check digit is right', evidence)
      : result('applicant_id_number', 'fail', '公民身份号码与申请一致，但号码本身不合法', 'ID number matches the application but is itself invalid', evidence);
  }
  if (!check.valid && found.field.status === 'recognised') {
    return result('applicant_id_number', 'warn', '识别出的公民身份号码未通过校验，疑似识别误差，请核对', 'The recognised ID number fails its check; probably misread, check it', evidence);
  }
  return result('applicant_id_number', 'fail', '身份证号码与申请不一致', 'ID number on the ID card differs from the application', evidence);
}

function creditCodeCheck(found: Found, applicationValue: string): CheckResult {
  const evidence = [ev(found, 'creditCode', applicationValue)];
  if (!found) return result('credit_code', 'warn', '未能从营业执照读取统一社会信用代码，请人工核对', 'No credit code could be read from the licence; check by hand', evidence);
  const check = checkCreditCode(found.field.value);
  const same = found.field.value.toUpperCase() === applicationValue.toUpperCase();
  if (same && check.valid) return result('credit_code', 'pass', '统一社会信用代码一致，校验位正确', 'Credit code matches and its check character is right', evidence);
  // GB 32100: some early codes fail the check character, so this is for a person to look at, not a refusal.
  if (same) return result('credit_code', 'warn', '统一社会信用代码一致，但校验位不符（部分早期代码如此），请人工核实', 'Credit code matches but fails its check character (as some early codes do); verify by hand', evidence);
  if (!check.valid && found.field.status === 'recognised') {
    return result('credit_code', 'warn', '识别出的统一社会信用代码未通过校验，疑似识别误差，请核对', 'The recognised credit code fails its check; probably misread, check it', evidence);
  }
  return result('credit_code', 'fail', '统一社会信用代码与申请不一致', 'Credit code on the licence differs from the application', evidence);
}

function expiry(
  id: 'licence_expired' | 'id_card_expired',
  found: Found,
  today: string,
  what: { zh: string; en: string; kindZh: string; kindEn: string; field: string },
): CheckResult {
  const evidence = [ev(found, what.field, null)];
  const period = found ? parsePeriod(found.field.value) : null;
  if (!period) return result(id, 'warn', `未能读取${what.kindZh}${what.zh}，请人工核对`, `The ${what.en} of the ${what.kindEn} could not be read; check by hand`, evidence);
  const v = licenceValidity(period, today);
  if (v.status === 'expired') return result(id, 'fail', `${what.kindZh}已过期（${period.to}）`, `The ${what.kindEn} expired on ${period.to}`, evidence);
  if (v.status === 'not_yet_valid') return result(id, 'fail', `${what.kindZh}尚未生效（${period.from}）`, `The ${what.kindEn} is not valid before ${period.from}`, evidence);
  if (v.status === 'expiring') return result(id, 'warn', `${what.kindZh}将于 ${v.daysLeft} 天后到期`, `The ${what.kindEn} expires in ${v.daysLeft} days`, evidence);
  return result(id, 'pass', `${what.kindZh}在有效期内`, `The ${what.kindEn} is valid`, evidence);
}

function businessAge(found: Found, app: ApplicationData, today: string): CheckResult {
  const min = PRODUCTS[app.productCode].minBusinessMonths;
  const evidence = [ev(found, 'establishedOn', app.enterprise?.establishedOn ?? null)];
  if (!found || !/^\d{4}-\d{2}-\d{2}$/.test(found.field.value)) {
    return result('business_age', 'warn', '未能读取成立日期，无法核对经营年限', 'The date of establishment could not be read; business age not checked', evidence);
  }
  const months = monthsBetween(found.field.value, today);
  if (months < min) {
    return result('business_age', 'fail', `经营 ${Math.max(months, 0)} 个月，低于产品要求的 ${min} 个月`, `In business ${Math.max(months, 0)} months, below the product minimum of ${min}`, evidence);
  }
  return result('business_age', 'pass', `经营 ${months} 个月，满足产品要求（${min} 个月）`, `In business ${months} months; product minimum ${min}`, evidence);
}

function addressLocal(docs: readonly CheckedDocument[], app: ApplicationData): CheckResult {
  const city = branchCity(app.branchName);
  const found = fieldOf(docs, 'business_licence', 'address') ?? fieldOf(docs, 'id_card_front', 'address');
  const evidence = [ev(found, 'address', app.branchName)];
  if (!found) return result('address_local', 'warn', '未能读取住所地址，无法判断是否本地', 'No address could be read; cannot tell whether it is local', evidence);
  const address = normaliseText(found.field.value);
  if (address.includes(city)) return result('address_local', 'pass', `地址位于本地（${city}）`, `The address is local (${city})`, evidence);
  const branchProvince = PROVINCE_NAMES[app.branchCode.slice(0, 2)] ?? null;
  const province = provinceOf(address);
  if (province !== null && province === branchProvince) {
    return result('address_local', 'warn', `地址不在${city}，为省内异地，请关注`, `The address is outside ${city}, in the same province; take care`, evidence);
  }
  return result('address_local', 'warn', `地址为异地（${province ?? '未识别省份'}），请关注`, `The address is outside the branch's province (${province ?? 'unknown'}); take care`, evidence);
}
