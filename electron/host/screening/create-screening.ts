import type { AuditRepo } from '../audit/audit-repo';
import type { CommandService } from '../commands/command-service';
import type { Db } from '../db/database';
import type { CaseRepo } from '../store/case-repo';
import { NegativeListImporter } from './negative-list-import';
import { NegativeListRepo } from './negative-list-repo';
import { RuleSetRepo } from './rule-set-repo';
import { ScreeningResultRepo } from './screening-result-repo';
import { ScreeningService } from './screening-service';

/** The screening capability's services, wired by constructor injection (one entry in createServices). */
export function createScreening(deps: { db: Db; cases: CaseRepo; commands: CommandService; audit: AuditRepo; now: () => number }) {
  const rules = new RuleSetRepo(deps.db, deps.audit, deps.now);
  const negativeList = new NegativeListRepo(deps.db);
  const results = new ScreeningResultRepo(deps.db);
  const importer = new NegativeListImporter({ db: deps.db, repo: negativeList, audit: deps.audit, now: deps.now });
  const service = new ScreeningService({ db: deps.db, cases: deps.cases, commands: deps.commands, rules, negativeList, results, now: deps.now });
  return { service, rules, negativeList, results, importer };
}

export type ScreeningServices = ReturnType<typeof createScreening>;
