import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTHORITY_RULES, type AuthorityMatrix } from '../approval/authority';
import type { CaseRecord, Proposal } from '../domain/case';
import { APPLICATION, CASE_ID, caseIn, ctxFor, expectError, heldBy, NOW, run, SHA, U } from './command-fixtures';
import { decideCommand } from './registry';

const WAN = 1_000_000;

/** A proposed case for `amountFen` (the application asks for at least that much). */
function proposedFor(amountFen: number, overrides: Partial<CaseRecord> = {}): CaseRecord {
  const proposal: Proposal = {
    by: U.zhangWei.id,
    byName: U.zhangWei.name,
    at: NOW,
    decision: 'approve',
    amountFen,
    termMonths: 12,
    rateBp: 435,
    repaymentMethod: 'equal_installment',
    confirmations: [],
  };
  return caseIn('proposed', { data: { ...APPLICATION, productCode: 'tax_loan', amountFen }, proposal, ...overrides });
}

describe('dual control (双人审批)', () => {
  it('refuses a confirmation by the proposing officer, even holding the case', () => {
    const e = expectError(decideCommand('confirm', heldBy(proposedFor(50 * WAN), U.zhangWei), { caseId: CASE_ID }, ctxFor(U.zhangWei)), 'sod-violation');
    expect(e.message).toBe('不能复核本人提交的审批意见');
  });

  it('refuses the clerk who checked the documents as maker, as checker, and as claimant', () => {
    const checked = { checkedBy: U.huangLei.id, checkers: [U.huangLei.id] };
    const approval = heldBy(caseIn('approval', checked), U.huangLei);
    const propose = decideCommand('propose', approval, { caseId: CASE_ID, proposal: { decision: 'decline', reasons: ['负债率高'] } }, ctxFor(U.huangLei));
    expect(expectError(propose, 'sod-violation').message).toBe('不能审批本人审核过资料的案件');
    expectError(decideCommand('claim', caseIn('approval', checked), { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
    const proposed = proposedFor(50 * WAN, checked);
    expectError(decideCommand('claim', proposed, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
    expectError(decideCommand('confirm', heldBy(proposed, U.huangLei), { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
  });

  it('keeps an earlier checker barred after the case was checked again by someone else', () => {
    const rechecked = { checkedBy: U.liNa.id, checkers: [U.huangLei.id, U.liNa.id] };
    expectError(decideCommand('claim', caseIn('approval', rechecked), { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
  });

  it('refuses an officer whose band does not cover the amount, naming the rule', () => {
    const e = expectError(decideCommand('claim', proposedFor(150 * WAN), { caseId: CASE_ID }, ctxFor(U.liuQiang)), 'forbidden');
    expect(e.message).toBe('审批金额超出您的审批权限（上限 100万元（含）），需高级审批员复核');
    expect(e.details).toMatchObject({ required: 'senior_officer', matrixVersion: 1 });
    expectError(decideCommand('confirm', heldBy(proposedFor(150 * WAN), U.liuQiang), { caseId: CASE_ID }, ctxFor(U.liuQiang)), 'forbidden');
  });

  it('accepts an officer exactly at the inclusive limit and a senior one fen above', () => {
    expect(run('confirm', heldBy(proposedFor(100 * WAN), U.liuQiang), { caseId: CASE_ID }, U.liuQiang).next.state).toBe('approved');
    expect(run('confirm', heldBy(proposedFor(100 * WAN + 1), U.zhaoMin), { caseId: CASE_ID }, U.zhaoMin).next.state).toBe('approved');
  });

  it('confirms only the case as the officer read it: a changed version is refused and changes nothing', () => {
    const read = heldBy(proposedFor(50 * WAN), U.liuQiang);
    const e = expectError(decideCommand('confirm', read, { caseId: CASE_ID, expectedVersion: read.version - 1 }, ctxFor(U.liuQiang)), 'conflict');
    expect(e.message).toBe('案件在您查阅审批意见后已有变化，请重新查阅后再复核');
    expect(e.messageEn).toBe('The case changed after you read the proposal; read it again before confirming');
    expect(run('confirm', read, { caseId: CASE_ID, expectedVersion: read.version }, U.liuQiang).next.state).toBe('approved');
    // So is sending it back; someone else holding it now is told as such, not as a change to read again.
    const back = expectError(decideCommand('sendBack', read, { caseId: CASE_ID, comment: '请补充', expectedVersion: read.version - 1 }, ctxFor(U.liuQiang)), 'conflict');
    expect(back.message).toBe('案件在您查阅审批意见后已有变化，请重新查阅后再退回');
    expect(run('sendBack', read, { caseId: CASE_ID, comment: '请补充', expectedVersion: read.version }, U.liuQiang).next.state).toBe('approval');
    const taken = heldBy(proposedFor(50 * WAN), U.zhaoMin);
    expect(expectError(decideCommand('confirm', taken, { caseId: CASE_ID, expectedVersion: read.version - 1 }, ctxFor(U.liuQiang)), 'forbidden').message).toContain('赵敏');
  });

  it('needs two different seniors above a senior’s band, recording each confirmation', () => {
    const big = proposedFor(800 * WAN);
    const first = run('confirm', heldBy(big, U.zhaoMin), { caseId: CASE_ID }, U.zhaoMin);
    expect(first.next.state).toBe('proposed');
    expect(first.events[0]!.details).toMatchObject({ required: 'two_seniors', confirmation: 1, complete: false });
    expect(first.next.proposal?.confirmations?.map((k) => k.by)).toEqual([U.zhaoMin.id]);
    const again = expectError(decideCommand('claim', first.next, { caseId: CASE_ID }, ctxFor(U.zhaoMin)), 'sod-violation');
    expect(again.message).toContain('已复核过');
    const second = run('confirm', heldBy(first.next, U.qianSenior), { caseId: CASE_ID }, U.qianSenior);
    expect(second.next.state).toBe('approved');
    expect(second.next.proposal?.confirmations).toHaveLength(2);
  });

  it('records the matrix version of the proposal and of each confirmation', () => {
    const v2: AuthorityMatrix = { version: 2, rules: DEFAULT_AUTHORITY_RULES };
    const approval = heldBy(caseIn('approval', { checkedBy: U.wangFang.id, checkers: [U.wangFang.id] }), U.zhangWei);
    const proposed = decideCommand(
      'propose',
      approval,
      { caseId: CASE_ID, proposal: { decision: 'approve', amountFen: 30 * WAN, termMonths: 12, rateBp: 420, repaymentMethod: 'equal_principal' } },
      ctxFor(U.zhangWei),
    );
    expect(proposed.ok && proposed.value[0]!.proposal?.matrixVersion).toBe(1);
    const c = { ...proposedFor(30 * WAN), assigneeId: U.liuQiang.id, assigneeName: U.liuQiang.name };
    const confirmed = decideCommand('confirm', c, { caseId: CASE_ID }, { ...ctxFor(U.liuQiang), authority: v2 });
    expect(confirmed.ok && confirmed.value[0]!.details.matrixVersion).toBe(2);
  });

  it('sends a case back to document checking, to the clerk who checked it', () => {
    const approval = heldBy(caseIn('approval', { checkedBy: U.wangFang.id, checkers: [U.wangFang.id] }), U.zhangWei);
    const { next } = run('returnToDocCheck', approval, { caseId: CASE_ID, reasons: ['营业执照与申请企业名称不符'] }, U.zhangWei);
    expect(next.state).toBe('doc_check');
    expect(next.assigneeId).toBe(U.wangFang.id);
  });

  it('lets a decline be confirmed by any officer, whatever the amount', () => {
    const c = proposedFor(900 * WAN);
    const decline: Proposal = { by: U.zhangWei.id, byName: U.zhangWei.name, at: NOW, decision: 'decline', reasons: ['经营异常'], confirmations: [] };
    expect(run('confirm', heldBy({ ...c, proposal: decline }, U.liuQiang), { caseId: CASE_ID }, U.liuQiang).next.state).toBe('declined');
  });
});

describe('segregation of duties: everyone who did document-checking work is a checker', () => {
  const CLERK_PASSES = (c: CaseRecord) => {
    let next = run('claim', c, { caseId: CASE_ID }, U.liNa).next;
    next = run('passDocCheck', next, { caseId: CASE_ID }, U.liNa).next;
    return run('completeScreening', next, { caseId: CASE_ID, outcome: 'approval', reasons: ['ok'], riskGrade: 'A', team: 'retail' }, U.intake).next;
  };
  const DECLINE = { decision: 'decline', reasons: ['负债率高'] };

  it('bars a clerk+officer who corrected a field and returned the case for supplement, after another clerk passed it', () => {
    let c = run('claim', caseIn('submitted'), { caseId: CASE_ID }, U.huangLei).next;
    c = run('reviewDocument', c, { caseId: CASE_ID, documentId: 'd-1', kind: 'id_card_front',
      review: { action: 'correctField', field: 'idNumber', from: '320102199001011234', value: '320102199001011235', sensitive: true } }, U.huangLei).next;
    c = run('returnForSupplement', c, { caseId: CASE_ID, reasons: ['身份证号不一致'] }, U.huangLei).next;
    c = run('resubmit', c, { caseId: CASE_ID }, U.intake).next;
    const approval = CLERK_PASSES(c);
    expect(approval.state).toBe('approval');

    const sod = '不能审批本人审核过资料的案件';
    expect(expectError(decideCommand('claim', approval, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation').message).toBe(sod);
    const propose = decideCommand('propose', heldBy(approval, U.huangLei), { caseId: CASE_ID, proposal: DECLINE }, ctxFor(U.huangLei));
    expect(expectError(propose, 'sod-violation').message).toBe(sod);

    const proposed = run('propose', run('claim', approval, { caseId: CASE_ID }, U.zhangWei).next, { caseId: CASE_ID, proposal: DECLINE }, U.zhangWei).next;
    expect(proposed.state).toBe('proposed');
    expect(expectError(decideCommand('claim', proposed, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation').message).toBe(sod);
    expect(expectError(decideCommand('confirm', heldBy(proposed, U.huangLei), { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation').message).toBe(sod);
    expect(approval.checkedBy).toBe(U.liNa.id); // still the one who passed it
    expect(approval.checkers).toEqual([U.huangLei.id, U.liNa.id]);
  });

  it.each([
    ['confirmed a field', 'reviewDocument', { documentId: 'd-1', kind: 'id_card_front', review: { action: 'confirmField', field: 'name', value: '陈小红', sensitive: false } }],
    ['corrected a kind', 'reviewDocument', { documentId: 'd-1', kind: 'id_card_back', review: { action: 'setKind', from: 'id_card_front', kind: 'id_card_back' } }],
    ['added a document while checking', 'addDocument', { documentId: 'd-9', fileName: 'scan.pdf', sha256: SHA, mime: 'application/pdf', sizeBytes: 1000, pages: 1 }],
  ] as const)('bars a clerk+officer who %s, then released the case to another clerk', (_what, command, payload) => {
    let c = run('claim', caseIn('submitted'), { caseId: CASE_ID }, U.huangLei).next;
    c = run(command, c, { caseId: CASE_ID, ...payload }, U.huangLei).next;
    c = run('release', c, { caseId: CASE_ID }, U.huangLei).next;
    const approval = CLERK_PASSES(c);
    expectError(decideCommand('claim', approval, { caseId: CASE_ID }, ctxFor(U.huangLei)), 'sod-violation');
  });

  it('does not bar a clerk+officer who only claimed and released the case in document checking', () => {
    let c = run('claim', caseIn('submitted'), { caseId: CASE_ID }, U.huangLei).next;
    c = run('release', c, { caseId: CASE_ID }, U.huangLei).next;
    const approval = CLERK_PASSES(c);
    expect(approval.checkers).toEqual([U.liNa.id]);
    const held = run('claim', approval, { caseId: CASE_ID }, U.huangLei).next;
    const proposed = run('propose', held, { caseId: CASE_ID, proposal: DECLINE }, U.huangLei).next;
    expect(proposed.state).toBe('proposed');
    // and as the confirming officer on someone else's proposal
    const other = run('propose', run('claim', approval, { caseId: CASE_ID }, U.zhangWei).next, { caseId: CASE_ID, proposal: DECLINE }, U.zhangWei).next;
    const heldForConfirm = run('claim', other, { caseId: CASE_ID }, U.huangLei).next;
    expect(run('confirm', heldForConfirm, { caseId: CASE_ID }, U.huangLei).next.state).toBe('declined');
  });
});
