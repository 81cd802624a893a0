import type { ApplicationData } from '../../../shared/domain/case';
import { application } from '../../../shared/screening/screening-fixtures';
import { makeCreditCode, makeIdNumber } from '../../../shared/validators/generate';
import { SYSTEM_ACTOR } from '../../../shared/auth/system-user';
import type { TempHost } from './temp-host';

let seq = 0;

/**
 * A new application with known facts (the unit tests' clean application, with its own number, applicant
 * and enterprise), submitted through the command path as branch intake would, so that a test knows what
 * screening must conclude. `tweak` changes what the test is about.
 */
export function submitApplication(h: TempHost, tweak: (d: ApplicationData) => ApplicationData = (d) => d): { caseId: string; data: ApplicationData } {
  seq += 1;
  const n = String(seq).padStart(4, '0');
  const birthDate = `1984-03-1${seq % 10}`;
  const base = application();
  const data = tweak({
    ...base,
    appNo: `CF202611249${n}`, // digits only: the queue search takes CF + digits as an application number
    priority: 1,
    applicant: { ...base.applicant, name: `测试${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${n}`, idNumber: makeIdNumber('321181', birthDate, 100 + seq), birthDate },
    enterprise: { ...base.enterprise!, name: `丹阳测试${n}五金制品有限公司`, creditCode: makeCreditCode('91', '321181', `MA1T${n}X`) },
  });
  const caseId = `c-test-${n}`;
  const r = h.host.services.commands.execute(SYSTEM_ACTOR, 'submit', { caseId, data });
  if (!r.ok) throw new Error(`submit refused: ${r.error.messageEn}`);
  return { caseId, data };
}
