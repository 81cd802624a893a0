import { describe, expect, it } from 'vitest';
import { caseIn, ctxFor, heldBy, U } from './command-fixtures';
import { allowedActions } from './probe';

describe('allowedActions', () => {
  it('offers a clerk holding a case in document checking exactly release, pass on and return', () => {
    expect(allowedActions(caseIn('doc_check'), ctxFor(U.wangFang)).sort()).toEqual(['passDocCheck', 'release', 'returnForSupplement']);
  });
  it('offers the proposer nothing on his own proposal, and the second officer claim then confirm or send back', () => {
    const proposed = caseIn('proposed');
    expect(allowedActions(proposed, ctxFor(U.zhangWei))).toEqual([]);
    expect(allowedActions(proposed, ctxFor(U.liuQiang))).toEqual(['claim']);
    expect(allowedActions(heldBy(proposed, U.liuQiang), ctxFor(U.liuQiang)).sort()).toEqual(['confirm', 'release', 'sendBack']);
  });
  it('offers an auditor nothing', () => {
    expect(allowedActions(caseIn('submitted'), ctxFor(U.zhouShen))).toEqual([]);
  });
});
