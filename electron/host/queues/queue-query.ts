import type { QueueId } from '../../../shared/api/queues';
import type { ApiParsedInput } from '../../../shared/api/contract';
import { bigrams } from '../../../shared/domain/bigrams';
import { gramMatch } from '../store/name-grams';

type Filter = ApiParsedInput<'queue:list'>['filter'];
type Sort = ApiParsedInput<'queue:list'>['sort'];

export interface Sql {
  where: string;
  params: unknown[];
}

/** Which cases a queue holds. Membership is decided here, in SQL, so paging and counts agree. */
export function queueMembership(queue: QueueId, userId: string): Sql {
  switch (queue) {
    case 'doc_check':
      return { where: "state IN ('submitted','doc_check')", params: [] };
    case 'approval_retail':
      return { where: "team = 'retail' AND state = 'approval'", params: [] };
    case 'approval_corporate':
      return { where: "team = 'corporate' AND state = 'approval'", params: [] };
    case 'confirm':
      return { where: "state = 'proposed'", params: [] };
    case 'investigation':
      return { where: "state = 'investigation'", params: [] };
    case 'contract_desk':
      return { where: "state = 'approved'", params: [] };
    case 'mine':
      return { where: "assignee_id = ? AND state NOT IN ('contracted','declined','withdrawn')", params: [userId] };
    case 'all':
      return { where: '1 = 1', params: [] };
  }
}

const ID_NUMBER = /^\d{17}[\dX]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const APP_NO = /^CF\d{4,}$/;

/**
 * A search for a full ID number or credit code. Only people who may see them unmasked may search by them:
 * for anyone else an exact match would confirm a guess at the digits the mask hides, one query at a time.
 */
export function isIdentifierSearch(raw: string): boolean {
  const term = raw.trim().toUpperCase();
  return ID_NUMBER.test(term) || (CREDIT_CODE.test(term) && /[A-Z]/.test(term));
}

/**
 * The search box takes a full ID number or credit code (exact, indexed), an application number (prefix),
 * or part of a customer's or company's name. A name of two or more characters is looked up through its
 * rarest bigram (`rarest` picks it), then confirmed with LIKE on that short candidate list.
 */
export function searchCondition(raw: string, rarest: (grams: string[]) => string): Sql | null {
  const term = raw.trim().toUpperCase();
  if (!term) return null;
  if (ID_NUMBER.test(term)) return { where: 'id_number = ?', params: [term] };
  if (CREDIT_CODE.test(term) && /[A-Z]/.test(term)) return { where: 'credit_code = ?', params: [term] };
  if (APP_NO.test(term)) return { where: 'app_no >= ? AND app_no < ?', params: [term, term + '\uffff'] };
  const like = '%' + raw.trim().replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  const byName: Sql = { where: "(customer_name LIKE ? ESCAPE '\\' OR applicant_name LIKE ? ESCAPE '\\')", params: [like, like] };
  const grams = bigrams(raw);
  if (grams.length === 0) return byName;
  return combine([{ where: 'rowid IN (SELECT rowid FROM name_grams WHERE name_grams MATCH ?)', params: [gramMatch(rarest(grams))] }, byName]);
}

export function filterConditions(filter: Filter, nowIso: string, rarest: (grams: string[]) => string): Sql[] {
  const out: Sql[] = [];
  if (filter.states?.length) out.push({ where: `state IN (${filter.states.map(() => '?').join(',')})`, params: [...filter.states] });
  if (filter.products?.length) {
    out.push({ where: `product_code IN (${filter.products.map(() => '?').join(',')})`, params: [...filter.products] });
  }
  if (filter.branchCode) out.push({ where: 'branch_code = ?', params: [filter.branchCode] });
  if (filter.assigneeId) out.push({ where: 'assignee_id = ?', params: [filter.assigneeId] });
  if (filter.breachingOnly) out.push({ where: 'sla_due_at < ?', params: [nowIso] });
  if (filter.search) {
    const s = searchCondition(filter.search, rarest);
    if (s) out.push(s);
  }
  return out;
}

const SORT_COLUMNS: Record<Sort[number]['colId'], string> = {
  appNo: 'app_no',
  customerName: 'customer_name',
  productCode: 'product_code',
  amountFen: 'amount_fen',
  branchName: 'branch_name',
  submittedAt: 'submitted_at',
  slaDueAt: 'sla_due_at',
  state: 'state',
  assigneeName: 'assignee_name',
};

/** Column names come only from the whitelist above, never from the request text. */
export function orderBy(sort: Sort, queue: QueueId): string {
  const parts = sort.map((s) => `${SORT_COLUMNS[s.colId]} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
  if (parts.length === 0) {
    // Work order: most urgent first. The overview lists newest first.
    parts.push(queue === 'all' ? 'submitted_at DESC' : 'priority DESC, sla_due_at ASC');
  }
  // Stable paging; the rowid is the last column of every index, so this tie-break needs no extra sort.
  parts.push('rowid ASC');
  return parts.join(', ');
}

export function combine(parts: Sql[]): Sql {
  return { where: parts.map((p) => `(${p.where})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}
