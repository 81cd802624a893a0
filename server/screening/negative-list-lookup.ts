import { maskProbeValue, negativeListProbes, type NegativeListMatch, type NegativeListProbe } from '../../shared/screening/negative-list-match';
import type { CaseRecord } from '../../shared/domain/case';
import type { Tx } from '../db/central-db';
import { litTextArray } from '../db/sql-literal';

interface EntryRow {
  id: number;
  id_number: string | null;
  credit_code: string | null;
  name: string | null;
  birth_date: string | null;
  reason: string;
  source: string;
  listed_on: string | null;
}

/**
 * The negative-list hits of a batch of cases in one round trip: every probe of every case (applicant by ID
 * number and name + birth date, enterprise by credit code, guarantor, property owner), looked up through the
 * three indexes; then matched per case exactly as the desktop's repository does — probe by probe, an entry
 * reported once under the first (stronger) key that found it.
 */
export async function negativeListMatches(tx: Tx, cases: readonly CaseRecord[]): Promise<Map<string, NegativeListMatch[]>> {
  const probes = new Map(cases.map((c) => [c.id, negativeListProbes(c.data)]));
  const ids = new Set<string>();
  const codes = new Set<string>();
  // Names and birth dates as two lists, which the (name, birth_date) index answers directly (a join with
  // the pairs would be planned blind and read the whole list); the exact pairs are matched below.
  const names = new Set<string>();
  const births = new Set<string>();
  for (const list of probes.values()) {
    for (const p of list) {
      if (p.key === 'id_number') ids.add(p.value);
      else if (p.key === 'credit_code') codes.add(p.value);
      else {
        const bar = p.value.lastIndexOf('|');
        names.add(p.value.slice(0, bar));
        births.add(p.value.slice(bar + 1));
      }
    }
  }
  const cols = 'n.id, n.id_number, n.credit_code, n.name, n.birth_date, n.reason, n.source, n.listed_on';
  const rows = await tx.query<EntryRow>(
    `SELECT ${cols} FROM negative_list n WHERE n.id_number = ANY(${litTextArray([...ids])})
     UNION SELECT ${cols} FROM negative_list n WHERE n.credit_code = ANY(${litTextArray([...codes])})
     UNION SELECT ${cols} FROM negative_list n WHERE n.name = ANY(${litTextArray([...names])}) AND n.birth_date = ANY(${litTextArray([...births])})
     ORDER BY id`,
  );
  const out = new Map<string, NegativeListMatch[]>();
  for (const [caseId, list] of probes) out.set(caseId, rows.length === 0 ? [] : matchProbes(list, rows));
  return out;
}

function hits(p: NegativeListProbe, r: EntryRow): boolean {
  if (p.key === 'id_number') return r.id_number === p.value;
  if (p.key === 'credit_code') return r.credit_code === p.value;
  return r.name !== null && r.birth_date !== null && `${r.name}|${r.birth_date}` === p.value;
}

function matchProbes(probes: readonly NegativeListProbe[], rows: readonly EntryRow[]): NegativeListMatch[] {
  const out: NegativeListMatch[] = [];
  const seen = new Set<number>();
  for (const p of probes) {
    for (const r of rows) {
      if (seen.has(r.id) || !hits(p, r)) continue;
      seen.add(r.id);
      out.push({ entryId: r.id, party: p.party, key: p.key, maskedValue: maskProbeValue(p), reason: r.reason, source: r.source, listedOn: r.listed_on });
    }
  }
  return out;
}
