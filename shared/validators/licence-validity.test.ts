import { describe, expect, it } from 'vitest';
import { isPlausibleIdCardPeriod, licenceValidity } from './licence-validity';

describe('licenceValidity', () => {
  const today = '2026-11-24';

  it('is valid inside the period and for 长期 (no expiry)', () => {
    expect(licenceValidity({ from: '2015-03-12', to: '2045-03-11' }, today)).toEqual({ status: 'valid', daysLeft: 6682 });
    expect(licenceValidity({ from: '2015-03-12', to: '长期' }, today)).toEqual({ status: 'valid', daysLeft: null });
  });

  it('is expiring within the warning window, valid on its last day, expired the day after', () => {
    expect(licenceValidity({ from: '2006-12-01', to: '2026-12-31' }, today)).toEqual({ status: 'expiring', daysLeft: 37 });
    expect(licenceValidity({ from: '2006-12-01', to: '2026-11-24' }, today)).toEqual({ status: 'expiring', daysLeft: 0 });
    expect(licenceValidity({ from: '2006-12-01', to: '2026-11-23' }, today)).toEqual({ status: 'expired', daysLeft: -1 });
    expect(licenceValidity({ from: '2006-12-01', to: '2026-12-31' }, today, 30).status).toBe('valid');
  });

  it('is not yet valid before its start', () => {
    expect(licenceValidity({ from: '2026-12-01', to: '2046-11-30' }, today).status).toBe('not_yet_valid');
  });

  it.each([
    [{ from: '2026-02-30', to: '2030-01-01' }],
    [{ from: '2020-01-01', to: '2019-12-31' }],
    [{ from: '2020-01-01', to: '2020-13-01' }],
    [{ from: '1900-01-01', to: '长期' }],
    [{ from: '2020/01/01', to: '长期' }],
  ])('refuses an impossible period %j', (p) => {
    expect(licenceValidity(p, today)).toEqual({ status: 'invalid', daysLeft: null });
  });

  it('refuses a malformed today', () => {
    expect(() => licenceValidity({ from: '2020-01-01', to: '长期' }, '2026-2-3')).toThrow(RangeError);
  });
});

describe('isPlausibleIdCardPeriod', () => {
  it.each([
    ['2016-05-10', '2026-05-10'],
    ['2016-05-10', '2036-05-10'],
    ['2016-05-10', '2021-05-10'],
    ['2016-05-10', '长期'],
  ])('%s–%s is a real card period', (from, to) => {
    expect(isPlausibleIdCardPeriod({ from, to })).toBe(true);
  });

  it.each([
    ['2016-05-10', '2026-05-11'], // not the same day
    ['2016-05-10', '2031-05-10'], // 15 years is not issued
    ['2016-05-10', '2016-05-10'],
    ['2016-02-30', '2026-02-30'],
  ])('%s–%s is not', (from, to) => {
    expect(isPlausibleIdCardPeriod({ from, to })).toBe(false);
  });
});
