import { createHash } from 'node:crypto';
import type { TemplateOverview } from '../../../shared/api/contracts-api';
import { hasPermission } from '../../../shared/auth/permissions';
import type { Actor } from '../../../shared/commands/types';
import { composeContract } from '../../../shared/contracts/compose-contract';
import { contractInputFromCase } from '../../../shared/contracts/contract-input';
import { formatContractNo, shanghaiYear } from '../../../shared/contracts/contract-number';
import { approvedDecision, canonicalJson } from '../../../shared/contracts/decision-data';
import { sampleFullCase } from '../../../shared/contracts/sample-case';
import { CONTRACT_DOC_TYPES, checkTemplate, PLACEHOLDERS, type TemplateBody } from '../../../shared/contracts/template-model';
import { fail, ok, type Result } from '../../../shared/errors';
import type { ContractService } from './contract-service';

const notAdmin = () => fail('forbidden', '只有系统管理员可以维护合同模板', 'Only an administrator may maintain contract templates');

/** Admin maintenance of the contract wording: list, preview on a sample case, save as a new version. */
export class ContractTemplateService {
  constructor(private readonly deps: { contracts: ContractService; now: () => number }) {}

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }

  list(actor: Actor): Result<TemplateOverview> {
    if (!hasPermission(actor.roles, 'admin.manage')) return notAdmin();
    const now = this.nowIso();
    const repo = this.deps.contracts.templates;
    return ok({
      templates: CONTRACT_DOC_TYPES.map((docType) => {
        const { version, ...body } = repo.latest(docType, now);
        return { docType, current: { version, body }, versions: repo.versions(docType, now) };
      }),
      placeholders: Object.entries(PLACEHOLDERS).map(([name, p]) => ({ name, zh: p.zh, en: p.en, docTypes: [...p.docs] })),
    });
  }

  save(actor: Actor, body: TemplateBody): Result<{ docType: TemplateBody['docType']; version: number }> {
    if (!hasPermission(actor.roles, 'admin.manage')) return notAdmin();
    const checked = this.check(body);
    if (!checked.ok) return checked;
    const version = this.deps.contracts.templates.saveNew(body, actor, this.nowIso());
    return ok({ docType: body.docType, version });
  }

  /** The document this template would print for a made-up case that needs every kind of contract. */
  async preview(actor: Actor, body: TemplateBody): Promise<Result<{ base64: string }>> {
    if (!hasPermission(actor.roles, 'admin.manage')) return notAdmin();
    const checked = this.check(body);
    if (!checked.ok) return checked;
    const now = this.nowIso();
    const c = sampleFullCase();
    const decision = approvedDecision(c);
    if (!decision.ok) return decision;
    const contracts = this.deps.contracts;
    const decisionSha256 = createHash('sha256').update(canonicalJson(decision.value)).digest('hex');
    const input = contractInputFromCase(c, decision.value, { bankName: contracts.bankName(), decisionSha256 });
    const templates = contracts.templateSet(input, now);
    const version = contracts.templates.latest(body.docType, now).version + 1;
    const contractNo = formatContractNo({ branchCode: c.data.branchCode, year: shanghaiYear(now), seq: 1 });
    const composed = composeContract(input, contractNo, { ...templates, [body.docType]: { ...body, version } });
    if (!composed.ok) return composed;
    const only = { ...composed.value, documents: composed.value.documents.filter((d) => d.docType === body.docType) };
    const { bytes } = await contracts.render(only, { version: 1, generatedAt: now, author: input.lenderName });
    return ok({ base64: Buffer.from(bytes).toString('base64') });
  }

  private check(body: TemplateBody): Result<void> {
    const problems = checkTemplate(body);
    if (problems.length === 0) return ok(undefined);
    return fail(
      'validation',
      `模板不符合要求：${problems.map((p) => p.zh).join('；')}`,
      `The template cannot be saved: ${problems.map((p) => p.en).join('; ')}`,
      { problems },
    );
  }
}
