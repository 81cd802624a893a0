import type { ApplicationData } from '../domain/case';
import { maskBirthDate, maskIdentifier } from '../domain/masking';
import { checkIdNumber } from '../validators/id-number';
import type { Label } from '../domain/label';

export type NegativeListParty = 'applicant' | 'enterprise' | 'legal_representative' | 'guarantor' | 'collateral_owner';
export type NegativeListKey = 'id_number' | 'credit_code' | 'name_birth';

export const PARTY_LABELS: Record<NegativeListParty, Label> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  legal_representative: { zh: '法定代表人', en: 'Legal representative' },
  guarantor: { zh: '保证人', en: 'Guarantor' },
  collateral_owner: { zh: '抵押人', en: 'Property owner' },
};

export const KEY_LABELS: Record<NegativeListKey, Label> = {
  id_number: { zh: '身份证号', en: 'ID number' },
  credit_code: { zh: '统一社会信用代码', en: 'Credit code' },
  name_birth: { zh: '姓名+出生日期', en: 'Name + birth date' },
};

/** One thing to look up in the negative list for a case. */
export interface NegativeListProbe {
  party: NegativeListParty;
  key: NegativeListKey;
  /** The ID number / credit code (upper case), or `name|YYYY-MM-DD`. */
  value: string;
}

/** A hit, as kept in the screening result: the identifier masked (it never needs to be read back in full). */
export interface NegativeListMatch {
  entryId: number;
  party: NegativeListParty;
  key: NegativeListKey;
  maskedValue: string;
  reason: string;
  source: string;
  listedOn: string | null;
}

export function nameBirthKey(name: string, birthDate: string): string {
  return `${name.replace(/\s+/g, '')}|${birthDate}`;
}

/**
 * Who and what a case is checked for: the applicant by ID number and by name + birth date, the enterprise by
 * credit code, and a guarantor or third-party property owner by ID number or credit code (a person's birth
 * date read from the ID number, so he is found by name too).
 */
export function negativeListProbes(data: ApplicationData): NegativeListProbe[] {
  const out: NegativeListProbe[] = [];
  const seen = new Set<string>();
  const add = (party: NegativeListParty, key: NegativeListKey, value: string) => {
    const k = `${key}:${value}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ party, key, value });
  };
  const person = (party: NegativeListParty, name: string, id: string) => {
    const upper = id.toUpperCase();
    if (/^\d{17}[\dX]$/.test(upper)) {
      add(party, 'id_number', upper);
      const birth = checkIdNumber(upper).birthDate;
      if (birth) add(party, 'name_birth', nameBirthKey(name, birth));
    } else {
      add(party, 'credit_code', upper);
    }
  };
  add('applicant', 'id_number', data.applicant.idNumber.toUpperCase());
  add('applicant', 'name_birth', nameBirthKey(data.applicant.name, data.applicant.birthDate));
  if (data.enterprise) add('enterprise', 'credit_code', data.enterprise.creditCode.toUpperCase());
  if (data.guarantor) person('guarantor', data.guarantor.name, data.guarantor.idNumber);
  if (data.collateral) person('collateral_owner', data.collateral.ownerName, data.collateral.ownerIdNumber);
  return out;
}

/**
 * How a probe value is shown in evidence (read by every role that opens the case): identifiers masked, and a
 * name with its birth date masked too — the birth date is the middle of the identity number the mask hides.
 */
export function maskProbeValue(probe: NegativeListProbe): string {
  if (probe.key !== 'name_birth') return maskIdentifier(probe.value);
  const [name, birthDate = ''] = probe.value.split('|');
  return `${name} ${maskBirthDate(birthDate)}`;
}
