import { describe, expect, it } from 'vitest';
import { evolve } from './evolve';
import { CASE_ID, caseIn, ctxFor, expectError, expectOk, heldBy, SHA, U } from './command-fixtures';
import { identityValueOf } from './documents';
import { decideCommand } from './registry';

const review = (r: Record<string, unknown>) => ({ caseId: CASE_ID, documentId: 'd-7', kind: 'id_card_front', review: r });

describe('addDocument', () => {
  const payload = { caseId: CASE_ID, documentId: 'd-7', fileName: '营业执照.pdf', sha256: SHA, mime: 'application/pdf', sizeBytes: 2048, pages: 2 };

  it('records the file (by hash, without its content) and changes only the version', () => {
    const c = heldBy(caseIn('doc_check'), U.wangFang);
    const events = expectOk(decideCommand('addDocument', c, payload, ctxFor(U.wangFang)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'documentAdded', details: { documentId: 'd-7', sha256: SHA, pages: 2, mime: 'application/pdf' } });
    const next = evolve(c, events);
    expect({ state: next.state, assignee: next.assigneeId, version: next.version }).toEqual({ state: 'doc_check', assignee: U.wangFang.id, version: c.version + 1 });
  });

  it('masks an identity number or credit code in the file name the branch gave the scan', () => {
    const c = heldBy(caseIn('doc_check'), U.wangFang);
    const named = { ...payload, fileName: '320102199007151386身份证.jpg' };
    expect(expectOk(decideCommand('addDocument', c, named, ctxFor(U.wangFang)))[0]!.details).toMatchObject({ fileName: '3201**********1386身份证.jpg' });
    const licence = { ...payload, fileName: '营业执照_91320115PUCNWGL66K.pdf' };
    expect(expectOk(decideCommand('addDocument', c, licence, ctxFor(U.wangFang)))[0]!.details).toMatchObject({ fileName: '营业执照_9132**********L66K.pdf' });
  });

  it('refuses a clerk who does not hold the case, and types other than JPEG, PNG, TIFF and PDF', () => {
    const c = heldBy(caseIn('doc_check'), U.wangFang);
    expectError(decideCommand('addDocument', c, payload, ctxFor(U.liNa)), 'forbidden');
    expectError(decideCommand('addDocument', c, { ...payload, mime: 'application/x-msdownload' }, ctxFor(U.wangFang)), 'validation');
    expectError(decideCommand('addDocument', c, { ...payload, sha256: 'abc' }, ctxFor(U.wangFang)), 'validation');
  });
});

describe('reviewDocument', () => {
  const c = heldBy(caseIn('doc_check'), U.wangFang);

  it('audits a confirmation and a correction with the value before and after', () => {
    const confirmed = expectOk(decideCommand('reviewDocument', c, review({ action: 'confirmField', field: 'name', value: '张伟明', sensitive: false }), ctxFor(U.wangFang)));
    expect(confirmed[0]).toMatchObject({ type: 'documentFieldConfirmed', details: { documentId: 'd-7', kind: 'id_card_front', field: 'name', value: '张伟明' } });
    const corrected = expectOk(
      decideCommand('reviewDocument', c, review({ action: 'correctField', field: 'name', from: '张伟朋', value: '张伟明', sensitive: false }), ctxFor(U.wangFang)),
    );
    expect(corrected[0]).toMatchObject({ type: 'documentFieldCorrected', details: { field: 'name', fromValue: '张伟朋', value: '张伟明' } });
    expect(corrected[0]!.to).toBeUndefined();
  });

  it('keeps identity numbers masked in the audit', () => {
    const events = expectOk(
      decideCommand(
        'reviewDocument',
        c,
        review({ action: 'correctField', field: 'idNumber', from: '11010519491231002X', value: '110105194912310038', sensitive: true }),
        ctxFor(U.wangFang),
      ),
    );
    expect(JSON.stringify(events[0]!.details)).not.toMatch(/\d{17}/);
    expect(events[0]!.details).toMatchObject({ fromValue: '1101**********002X', value: '1101**********0038' });
  });

  it('masks an identity field whatever the sender says, an unknown field too, and an identity number typed into another field', () => {
    const told = (r: Record<string, unknown>) => expectOk(decideCommand('reviewDocument', c, review(r), ctxFor(U.wangFang)))[0]!.details;
    expect(told({ action: 'confirmField', field: 'idNumber', value: '110105194912310038', sensitive: false })).toMatchObject({ value: '1101**********0038' });
    expect(told({ action: 'confirmField', field: 'serialNo', value: 'AB12345678', sensitive: false })).toMatchObject({ value: 'AB12**5678' });
    expect(told({ action: 'correctField', field: 'address', from: '北京', value: '北京 110105194912310038', sensitive: false })).toMatchObject({ value: '北京 1101**********0038' });
    expect(identityValueOf(review({ action: 'confirmField', field: 'idNumber', value: '110105194912310038', sensitive: false }))?.value).toBe('110105194912310038');
    // The other desktops show what was reviewed, not its masked audit form.
    expect(identityValueOf(review({ action: 'correctField', field: 'address', from: '北京', value: '北京 110105194912310038', sensitive: false }))?.value).toBe('北京 110105194912310038');
  });

  it('masks an ID card\'s birth date in the audit (the middle of the identity number), and the other desktops still get it', () => {
    const told = (r: Record<string, unknown>) => expectOk(decideCommand('reviewDocument', c, review(r), ctxFor(U.wangFang)))[0]!.details;
    expect(told({ action: 'correctField', field: 'birthDate', from: '1949-12-30', value: '1949-12-31', sensitive: false })).toMatchObject({
      fromValue: '****-**-**',
      value: '****-**-**',
    });
    expect(identityValueOf(review({ action: 'confirmField', field: 'birthDate', value: '1949-12-31', sensitive: false }))?.value).toBe('1949-12-31');
  });

  it('records a corrected kind', () => {
    const events = expectOk(decideCommand('reviewDocument', c, review({ action: 'setKind', from: 'other', kind: 'business_licence' }), ctxFor(U.wangFang)));
    expect(events[0]).toMatchObject({ type: 'documentKindSet', details: { fromKind: 'other', kind: 'business_licence' } });
  });

  it('refuses a correction that changes nothing, an unknown kind, and anyone but the holder', () => {
    expectError(decideCommand('reviewDocument', c, review({ action: 'correctField', field: 'name', from: '张', value: '张', sensitive: false }), ctxFor(U.wangFang)), 'validation');
    expectError(decideCommand('reviewDocument', c, review({ action: 'setKind', from: 'other', kind: 'passport' }), ctxFor(U.wangFang)), 'validation');
    expectError(decideCommand('reviewDocument', c, review({ action: 'confirmField', field: 'name', value: '张', sensitive: false }), ctxFor(U.liNa)), 'forbidden');
    expectError(decideCommand('reviewDocument', caseIn('submitted'), review({ action: 'confirmField', field: 'name', value: '张', sensitive: false }), ctxFor(U.wangFang)), 'invalid-transition');
  });
});

describe('identityValueOf', () => {
  const review = (r: object) => ({ caseId: CASE_ID, documentId: 'd-1', kind: 'id_card_front', review: r });
  it('gives the full value of a confirmed or corrected identity number, which the audit masks', () => {
    expect(identityValueOf(review({ action: 'correctField', field: 'idNumber', from: '1', value: '320102199007151386', sensitive: true }))).toEqual({
      documentId: 'd-1',
      field: 'idNumber',
      value: '320102199007151386',
    });
    expect(identityValueOf(review({ action: 'confirmField', field: 'idNumber', value: '320102199007151386', sensitive: true }))?.value).toBe('320102199007151386');
  });
  it('gives nothing for a field the audit holds in full, a corrected kind, or a payload that is not a review', () => {
    expect(identityValueOf(review({ action: 'correctField', field: 'name', from: '甲', value: '乙', sensitive: false }))).toBeUndefined();
    expect(identityValueOf(review({ action: 'setKind', from: 'id_card_front', kind: 'id_card_back' }))).toBeUndefined();
    expect(identityValueOf({ caseId: CASE_ID })).toBeUndefined();
  });
});
