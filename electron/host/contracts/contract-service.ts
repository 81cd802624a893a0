import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { CaseChange, UserInfo } from '../../../shared/api/schemas';
import type { ContractDesk, ContractPdf, ContractVersionInfo } from '../../../shared/api/contracts-api';
import { hasPermission } from '../../../shared/auth/permissions';
import type { Actor } from '../../../shared/commands/types';
import { composeContract, type ComposedContract, type TemplateSet } from '../../../shared/contracts/compose-contract';
import { checkContractInput, contractInputFromCase, documentsFor, idKindOf, type ContractInput } from '../../../shared/contracts/contract-input';
import { shanghaiYear } from '../../../shared/contracts/contract-number';
import { approvedDecision, canonicalJson, type DecisionData } from '../../../shared/contracts/decision-data';
import { mayGenerateContract } from '../../../shared/contracts/generate-guard';
import type { CaseRecord } from '../../../shared/domain/case';
import { maskIdentifier } from '../../../shared/domain/masking';
import { fail, ok, type Result } from '../../../shared/errors';
import type { AuditRepo } from '../audit/audit-repo';
import type { CommandService } from '../commands/command-service';
import type { Db } from '../db/database';
import type { CaseRepo } from '../store/case-repo';
import { ContractRepo, type ContractVersionRow } from './contract-repo';
import { ContractFont } from './contract-font';
import type { RenderOptions } from './render-contract';
import { defaultResourcesDir } from './resources-dir';
import { TemplateRepo } from './template-repo';

export interface ContractServiceDeps {
  db: Db;
  cases: CaseRepo;
  commands: CommandService;
  audit: AuditRepo;
  now: () => number;
  /** Folder holding fonts/ and templates/; found next to the app when not given. */
  resourcesDir?: string;
  /** The bank's registered name; the lender printed is this name plus the branch's. */
  bankName?: string;
}

export const DEFAULT_BANK_NAME = '信贷工厂示范银行股份有限公司';

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * The contract desk behind the API: generates versioned, hashed contract PDFs from the approved decision,
 * stores every version, and records the chosen one through the command path (recordContract).
 */
export class ContractService {
  readonly repo: ContractRepo;
  readonly templates: TemplateRepo;
  private readonly font: ContractFont;
  private resources: string | undefined;

  constructor(private readonly deps: ContractServiceDeps) {
    this.resources = deps.resourcesDir;
    this.repo = new ContractRepo(deps.db);
    this.templates = new TemplateRepo(deps.db, () => join(this.resourcesDir(), 'templates'));
    this.font = new ContractFont(() => this.resourcesDir());
  }

  private resourcesDir(): string {
    this.resources ??= defaultResourcesDir();
    return this.resources;
  }

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  /** The desk's view of a case. Only the contract desk sees it (contract.work). */
  desk(caseId: string, viewer: UserInfo): Result<ContractDesk> {
    if (!viewer.permissions.includes('contract.work')) return fail('forbidden', '您没有合同岗的权限', 'You do not have the contract desk permission');
    const c = this.deps.cases.get(caseId);
    if (!c) return fail('not-found', '案件不存在', 'Case not found');
    if (c.state !== 'approved' && c.state !== 'contracted') {
      return fail('forbidden', '该案件不在合同岗', 'The case is not at the contract desk', { state: c.state });
    }
    const decision = approvedDecision(c);
    const prepared = decision.ok ? this.prepare(c, decision.value) : null;
    const checked = prepared ? checkContractInput(prepared.input) : decision;
    const pii = viewer.permissions.includes('pii.view');
    const id = (v: string) => (pii ? v : maskIdentifier(v));
    const input = prepared?.input;
    const parties = !input
      ? []
      : [
          ...(input.borrower ? [{ role: 'borrower' as const, ...input.borrower }] : []),
          ...(input.guarantor ? [{ role: 'guarantor' as const, ...input.guarantor }] : []),
          ...(input.collateral && documentsFor(input).includes('mortgage')
            ? [{ role: 'mortgagor' as const, name: input.collateral.ownerName, idNumber: input.collateral.ownerIdNumber }]
            : []),
        ].map((p) => ({ role: p.role, name: p.name, idKind: idKindOf(p.idNumber), idNumber: id(p.idNumber) }));
    return ok({
      caseId: c.id,
      appNo: c.data.appNo,
      state: c.state,
      caseVersion: c.version,
      assigneeId: c.assigneeId,
      assigneeName: c.assigneeName,
      productCode: c.data.productCode,
      branchName: c.data.branchName,
      decision:
        decision.ok && prepared
          ? {
              amountFen: decision.value.amountFen,
              termMonths: decision.value.termMonths,
              rateBp: decision.value.rateBp,
              repaymentMethod: decision.value.repaymentMethod,
              conditions: decision.value.conditions ?? '',
              sha256: prepared.decisionSha256,
            }
          : null,
      parties,
      documents: input ? documentsFor(input) : [],
      problems: checked.ok ? [] : [{ message: checked.error.message, messageEn: checked.error.messageEn }],
      contractNo: this.repo.numberOf(c.id),
      versions: this.repo.versions(c.id).map(versionInfo),
    });
  }

  /**
   * Generates the next version. Checks, in order: permission and holder (nothing written), the data the
   * contract would print (nothing written), then assigns the contract number once per case, renders, and stores
   * file + version + audit entry in one transaction — after checking again that the case did not move meanwhile.
   */
  async generate(actor: Actor, caseId: string): Promise<Result<ContractVersionInfo>> {
    const guard = mayGenerateContract(this.deps.cases.get(caseId), actor);
    if (!guard.ok) return guard;
    const c = guard.value;
    const decision = approvedDecision(c);
    if (!decision.ok) return decision;
    const { input, decisionJson, decisionSha256 } = this.prepare(c, decision.value);
    const checked = checkContractInput(input);
    if (!checked.ok) return checked;
    const now = this.nowIso();
    const templates = this.templateSet(input, now);
    const contractNo = this.repo.numberFor(c.id, c.data.branchCode, shanghaiYear(now), actor.id, now);
    const version = this.repo.nextVersion(contractNo);
    const composed = composeContract(input, contractNo, templates);
    if (!composed.ok) return composed;
    const { bytes, pages } = await this.render(composed.value, { version, generatedAt: now, author: input.lenderName });
    const sha256 = sha256Hex(bytes);
    const row: Omit<ContractVersionRow, 'recordedAt'> = {
      contractNo,
      version,
      caseId: c.id,
      sha256,
      size: bytes.byteLength,
      pages,
      documents: composed.value.documents.map((d) => ({ docType: d.docType, documentNo: d.documentNo, templateVersion: d.templateVersion })),
      decisionSha256,
      decisionJson,
      createdAt: now,
      createdBy: actor.id,
      createdByName: actor.name,
    };
    return this.deps.db.transaction((): Result<ContractVersionInfo> => {
      // Rendering was asynchronous: the case may have been released or reassigned, or another version stored.
      const again = mayGenerateContract(this.deps.cases.get(caseId), actor);
      if (!again.ok) return again;
      if (this.repo.nextVersion(contractNo) !== version) {
        return fail('conflict', '合同刚刚已生成新版本，请刷新后重试', 'Another version was generated meanwhile; refresh and try again');
      }
      this.repo.insertVersion(row, bytes);
      this.deps.audit.append({
        at: now,
        actorId: actor.id,
        actorName: actor.name,
        action: 'contractGenerated',
        caseId: c.id,
        commandId: null,
        fromState: c.state,
        toState: c.state,
        details: JSON.stringify({ contractNo, version, sha256, decisionSha256, templates: row.documents.map((d) => `${d.docType}:v${d.templateVersion}`) }),
      });
      return ok(versionInfo({ ...row, recordedAt: null }));
    })();
  }

  /** A stored version's PDF, refused if its bytes no longer match the recorded sha256. */
  pdf(caseId: string, version: number, viewer: UserInfo): Result<ContractPdf> {
    if (!viewer.permissions.includes('contract.work')) return fail('forbidden', '您没有合同岗的权限', 'You do not have the contract desk permission');
    const row = this.repo.version(caseId, version);
    if (!row) return fail('not-found', '该合同版本不存在', 'No such contract version');
    const bytes = this.repo.file(row.sha256);
    if (!bytes || sha256Hex(bytes) !== row.sha256) {
      return fail('internal', '合同文件校验失败，文件可能已损坏', 'The contract file failed its integrity check', { sha256: row.sha256 });
    }
    return ok({ contractNo: row.contractNo, version: row.version, sha256: row.sha256, fileName: `${row.contractNo}-v${row.version}.pdf`, base64: bytes.toString('base64') });
  }

  /**
   * Records a generated version as the contract: recordContract (state + audit + outbox) and the version's
   * recorded mark commit together. Only a version made from the decision as it stands now may be recorded.
   */
  record(actor: Actor, caseId: string, version: number): Result<CaseChange> {
    if (!hasPermission(actor.roles, 'contract.work')) return fail('forbidden', '您没有合同岗的权限', 'You do not have the contract desk permission');
    return this.deps.db.transaction((): Result<CaseChange> => {
      const row = this.repo.version(caseId, version);
      if (!row) return fail('not-found', '该合同版本不存在', 'No such contract version');
      const c = this.deps.cases.get(caseId);
      const decision = c ? approvedDecision(c) : null;
      if (decision?.ok && sha256Hex(canonicalJson(decision.value)) !== row.decisionSha256) {
        return fail('conflict', '该版本不是按当前审批决定生成的，请重新生成', 'This version was not made from the current decision; generate a new one');
      }
      const executed = this.deps.commands.execute(actor, 'recordContract', { caseId, contractNo: row.contractNo, sha256: row.sha256 });
      if (!executed.ok) return executed;
      this.repo.markRecorded(caseId, version, this.nowIso());
      const r = executed.value.record;
      return ok({ caseId: r.id, state: r.state, version: r.version, assigneeName: r.assigneeName });
    })();
  }

  /** Renders a contract; exposed for the template preview, the benchmark and the PDF tests. */
  async render(contract: ComposedContract, opts: RenderOptions): Promise<{ bytes: Uint8Array; pages: number }> {
    // pdf-lib and fontkit load on the first contract, not with every host (or every command-line child).
    const { renderContractPdf } = await import('./render-contract');
    return renderContractPdf(contract, this.font.bytes(), await this.font.fontkit(), opts);
  }

  templateSet(input: Pick<ContractInput, 'guarantor' | 'productCode' | 'guaranteeType'>, now: string): TemplateSet {
    return Object.fromEntries(documentsFor(input).map((d) => [d, this.templates.latest(d, now)]));
  }

  bankName(): string {
    return this.deps.bankName ?? DEFAULT_BANK_NAME;
  }

  private prepare(c: CaseRecord, decision: DecisionData) {
    const decisionJson = canonicalJson(decision);
    const decisionSha256 = sha256Hex(decisionJson);
    return { decisionJson, decisionSha256, input: contractInputFromCase(c, decision, { bankName: this.bankName(), decisionSha256 }) };
  }
}

/** What the desk shows of a version: everything but who generated it by id and the decision JSON itself. */
function versionInfo(r: ContractVersionRow): ContractVersionInfo {
  const { caseId, createdBy, decisionJson, ...shown } = r;
  return shown;
}
