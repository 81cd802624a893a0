import type { ApplicationData, Collateral, Guarantor } from '../../../shared/domain/case';
import { CREDIT_CODE_CHARSET } from '../../../shared/validators/credit-code';
import { makeCreditCode, makeIdNumber } from '../../../shared/validators/generate';
import { BRAND_WORDS, GIVEN, STREETS, SURNAMES, TRADES, type Branch } from './demo-data';
import { prng } from './seed';

const DISTRICTS = ['城区', '新区', '开发区', '高新区'];
const KINDS: Collateral['kind'][] = ['residential', 'residential', 'residential', 'commercial', 'industrial'];

/**
 * Guarantor and collateral of a demo application, for the contract desk's 保证合同 and 抵押合同: collateral on
 * every 抵押快贷, a guarantor on about a quarter of all applications. Drawn from a generator of its own
 * (seeded by the application's index), so the rest of the demo data is exactly what it was before.
 */
export function demoSecurity(i: number, data: ApplicationData, branch: Branch): Pick<ApplicationData, 'guarantor' | 'collateral'> {
  const r = prng(0x5ec0 + i * 7_919);
  const person = () => {
    const birthDate = `${r.int(1962, 1995)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    return {
      name: r.pick<string>(SURNAMES) + r.pick<string>(GIVEN) + (r.next() < 0.7 ? r.pick<string>(GIVEN) : ''),
      idNumber: makeIdNumber(branch.region, birthDate, r.int(0, 999)),
    };
  };
  const address = () => `江苏省${branch.city}市${r.pick(DISTRICTS)}${r.pick(STREETS)}${r.int(1, 388)}号`;
  const out: Pick<ApplicationData, 'guarantor' | 'collateral'> = {};
  if (r.next() < 0.25) {
    let guarantor: Guarantor;
    if (r.next() < 0.3) {
      const body = Array.from({ length: 9 }, () => r.pick<string>(CREDIT_CODE_CHARSET)).join('');
      guarantor = {
        kind: 'enterprise',
        name: `${branch.city}${r.pick<string>(BRAND_WORDS)}${r.pick<string>(BRAND_WORDS)}${r.pick(TRADES).word}有限公司`,
        idNumber: makeCreditCode('91', branch.region, body),
        address: address(),
        phone: `025${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      };
    } else {
      guarantor = { kind: 'individual', ...person(), address: address(), phone: `139${String(r.int(0, 99_999_999)).padStart(8, '0')}` };
    }
    out.guarantor = guarantor;
  }
  if (data.productCode === 'mortgage_fast') {
    // Mostly the applicant's own property; sometimes a relative's (third-party mortgage).
    const owner = r.next() < 0.8 ? { name: data.applicant.name, idNumber: data.applicant.idNumber } : person();
    const loanToValue = 0.5 + r.next() * 0.2;
    const valuationYuan = Math.ceil(data.amountFen / 100 / loanToValue / 10_000) * 10_000;
    out.collateral = {
      kind: r.pick(KINDS),
      certificateNo: `苏(${r.int(2010, 2024)})${branch.city}市不动产权第${String(r.int(1, 9_999_999)).padStart(7, '0')}号`,
      address: `${branch.city}市${r.pick(STREETS)}${r.int(1, 388)}号${r.int(1, 30)}幢${r.int(1, 32)}0${r.int(1, 4)}室`,
      areaM2: `${r.int(45, 380)}.${String(r.int(0, 99)).padStart(2, '0')}`,
      ownerName: owner.name,
      ownerIdNumber: owner.idNumber,
      valuationFen: valuationYuan * 100,
    };
  }
  return out;
}
