import { describe, expect, it } from 'vitest';
import { NON_CASE_AUDIT_ACTIONS } from '../../../shared/audit/audit-actions';
import { enUS } from '../i18n/en-US';
import type { I18n, Lang } from '../i18n/I18nProvider';
import { zhCN } from '../i18n/zh-CN';
import { ACTIONS, actionLabel, detailLines } from './history-labels';

const i18nFor = (lang: Lang): Pick<I18n, 't' | 'pick' | 'lang'> => ({
  lang,
  t: (key, params) => (lang === 'en-US' ? enUS : zhCN)[key].replace(/\{(\w+)\}/g, (w, n: string) => String(params?.[n] ?? w)),
  pick: (text) => ('zh' in text ? (lang === 'en-US' ? text.en : text.zh) : lang === 'en-US' ? text.messageEn : text.message),
});
const zh = i18nFor('zh-CN');
const en = i18nFor('en-US');

describe('actionLabel', () => {
  it('names every action the trail can hold in both languages, never by its code', () => {
    for (const action of [...Object.keys(ACTIONS), ...NON_CASE_AUDIT_ACTIONS]) {
      for (const i18n of [zh, en]) expect(actionLabel(action, i18n.pick)).not.toBe(action);
    }
    expect(actionLabel('userCreated', zh.pick)).toBe('新建账户');
    expect(actionLabel('negativeListImported', en.pick)).toBe('Negative list imported');
  });

  it('shows an action it does not know (from a newer server) by its name', () => {
    expect(actionLabel('somethingNew', zh.pick)).toBe('somethingNew');
  });
});

describe('detailLines', () => {
  it('says a lease expiry, a lockout and an account in words', () => {
    expect(detailLines({ reason: 'leaseExpired', holder: '张敏' }, zh)).toEqual(['原因: 领取超时，自动释放', '原领取人: 张敏']);
    expect(detailLines({ failures: 5, during: 'passwordChange' }, en)).toEqual(['Failed attempts: 5', 'During: Password change']);
    expect(detailLines({ userId: 'u-9', username: 'new.clerk', roles: ['clerk', 'officer'], team: 'retail' }, zh)).toEqual([
      '用户名: new.clerk',
      '角色: 资料审核员、审批员',
      '审批团队: 零售审批',
    ]);
  });

  it('shows a refusal by the server in the chosen language', () => {
    const refusal = { reason: '该案件已被 张敏 领取', reasonEn: 'The case has been claimed by 张敏' };
    expect(detailLines(refusal, zh)).toEqual(['原因: 该案件已被 张敏 领取']);
    expect(detailLines(refusal, en)).toEqual(['Reason: The case has been claimed by 张敏']);
  });

  it('shows screening’s rule hits in the chosen language, and older ones (Chinese only) as recorded', () => {
    const screened = { outcome: 'declined', reasons: ['R060 CREDIT_OVERDUE: 征信存在逾期记录'], reasonsEn: ['R060 CREDIT_OVERDUE: Overdue on the credit report'] };
    expect(detailLines(screened, zh)).toEqual(['结果: 已拒绝', '原因: R060 CREDIT_OVERDUE: 征信存在逾期记录']);
    expect(detailLines(screened, en)).toEqual(['Outcome: Declined', 'Reasons: R060 CREDIT_OVERDUE: Overdue on the credit report']);
    expect(detailLines({ reasons: screened.reasons }, en)).toEqual(['Reasons: R060 CREDIT_OVERDUE: 征信存在逾期记录']);
  });

  it('shows the reasons the forms offered in English in English mode, and one typed in as written', () => {
    expect(detailLines({ reasons: ['营业执照缺失', '照片太暗'] }, en)).toEqual(['Reasons: Business licence missing, 照片太暗']);
    expect(detailLines({ reasons: ['营业执照缺失'] }, zh)).toEqual(['原因: 营业执照缺失']);
  });

  it('names a document’s kind and a field by the labels the clerk sees', () => {
    expect(detailLines({ documentId: 'd-1', kind: 'id_card_front', field: 'idNumber', fromValue: '3201**********1385', value: '3201**********1386' }, zh)).toEqual([
      '资料类型: 身份证（人像面）',
      '字段: 公民身份号码',
      '原值: 3201**********1385',
      '值: 3201**********1386',
    ]);
    // A corrected amount and period read as on the desk, not in their stored form (fen, "…/长期").
    expect(detailLines({ kind: 'business_licence', field: 'registeredCapital', fromValue: '100000000', value: '200000000' }, en).slice(2)).toEqual([
      'Before: ¥1,000,000.00',
      'Value: ¥2,000,000.00',
    ]);
    expect(detailLines({ kind: 'business_licence', field: 'term', value: '2015-03-12/长期' }, zh).at(-1)).toBe('值: 2015-03-12 至 长期');
    expect(detailLines({ fromKind: 'other', kind: 'business_licence' }, en)).toEqual(['Previous kind: Other', 'Document kind: Business licence']);
    expect(detailLines({ productCode: 'tax_loan', kinds: ['id_card_front', 'tax_certificate'] }, en)[1]).toBe('Document kinds: ID card (front), Tax payment certificate');
  });
});
