import { makeIdNumber } from '../../../shared/validators/generate';
import type { Db } from '../db/database';
import { GIVEN, SURNAMES } from '../demo/demo-data';
import { prng } from '../demo/seed';
import type { NegativeListImporter } from './negative-list-import';
import { SYSTEM_ACTOR } from '../../../shared/auth/system-user';

const REASONS = ['法院失信被执行人', '恶意逃废债务', '冒名贷款', '涉嫌电信网络诈骗', '提供虚假资料骗贷'];
const SOURCES = ['最高人民法院失信被执行人名单', '本行风险管理部', '公安机关协查', '人民银行征信'];

/**
 * A demo negative list, imported through the real CSV import: 2,000 people from other provinces (so they
 * hit nobody by chance) and the applicants of every fourth demo case waiting in `screening`, which
 * screening then refers to an investigation work order with the hit shown.
 */
export function seedDemoNegativeList(db: Db, importer: NegativeListImporter, nowMs: number): void {
  const waiting = db
    .prepare<[], { name: string; id_number: string }>("SELECT applicant_name AS name, id_number FROM cases WHERE state = 'screening' ORDER BY rowid")
    .all();
  importer.importBuffer(SYSTEM_ACTOR, DEMO_NEGATIVE_LIST_FILE, demoNegativeListCsv(waiting, nowMs), 'auto');
}

export const DEMO_NEGATIVE_LIST_FILE = '演示负面清单.csv';

/** The demo list as a CSV file (also what the central server's demo imports): `waiting` in seeding order. */
export function demoNegativeListCsv(waiting: readonly { name: string; id_number: string }[], nowMs: number): Buffer {
  const r = prng(0x9e6a71);
  const lines = ['姓名,身份证号,出生日期,原因,来源,列入日期'];
  const listedOn = () => new Date(nowMs - r.int(30, 900) * 86_400_000).toISOString().slice(0, 10);
  for (let k = 0; k < 2_000; k++) {
    const birth = `${r.int(1960, 2000)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const name = r.pick<string>(SURNAMES) + r.pick<string>(GIVEN) + r.pick<string>(GIVEN);
    lines.push(`${name},${makeIdNumber(r.pick(['110101', '310104', '440305', '510107']), birth, r.int(0, 999))},,${r.pick(REASONS)},${r.pick(SOURCES)},${listedOn()}`);
  }
  for (const c of waiting.filter((_, k) => k % 4 === 0)) lines.push(`${c.name},${c.id_number},,${r.pick(REASONS)},${r.pick(SOURCES)},${listedOn()}`);
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}
