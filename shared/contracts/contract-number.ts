/**
 * Contract numbers: branch + year + a per-branch, per-year sequence, e.g. 3201001-2026-JK000017 (借款合同).
 * The sequence itself lives in the store (one row per branch and year, incremented in the transaction that
 * assigns the number); this module only spells and reads the number. The JK marker keeps these numbers apart
 * from numbers recorded before the contract desk existed. Guarantee and mortgage contracts that go with a loan
 * carry the loan's number with a suffix (-BZ 保证, -DY 抵押), so the set is recognisable as one.
 */

export type ContractDocType = 'loan' | 'guarantee' | 'mortgage';

export const DOC_SUFFIX: Record<ContractDocType, string> = { loan: '', guarantee: '-BZ', mortgage: '-DY' };

const BRANCH = /^[A-Za-z0-9]{1,20}$/;
const NUMBER = /^([A-Za-z0-9]{1,20})-(\d{4})-JK(\d{6,9})$/;
export const MAX_SEQUENCE = 999_999_999;

export interface ContractNoParts {
  branchCode: string;
  year: number;
  seq: number;
}

export function formatContractNo({ branchCode, year, seq }: ContractNoParts): string {
  if (!BRANCH.test(branchCode)) throw new RangeError(`formatContractNo: branch code must be 1–20 letters or digits, got "${branchCode}"`);
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`formatContractNo: bad year ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQUENCE) throw new RangeError(`formatContractNo: sequence must be 1…${MAX_SEQUENCE}, got ${seq}`);
  return `${branchCode}-${year}-JK${String(seq).padStart(6, '0')}`;
}

export function parseContractNo(text: string): ContractNoParts | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  return { branchCode: m[1]!, year: Number(m[2]), seq: Number(m[3]) };
}

/** The number printed on one document of the set: the loan's number, suffixed for guarantee and mortgage. */
export function documentNo(loanContractNo: string, docType: ContractDocType): string {
  return loanContractNo + DOC_SUFFIX[docType];
}

/** The calendar year in Asia/Shanghai (UTC+8, no daylight saving) of a UTC instant. */
export function shanghaiYear(isoUtc: string): number {
  const ms = Date.parse(isoUtc);
  if (Number.isNaN(ms)) throw new RangeError(`shanghaiYear: not a time: ${isoUtc}`);
  return new Date(ms + 8 * 3_600_000).getUTCFullYear();
}
