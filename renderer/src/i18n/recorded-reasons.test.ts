import { describe, expect, it } from 'vitest';
import { recordedReason } from './recorded-reasons';
import type { Label } from '../../../shared/domain/label';

describe('recordedReason', () => {
  const en = (l: Label) => l.en;
  const zh = (l: Label) => l.zh;
  it('shows a reason the forms offered in the chosen language', () => {
    expect(recordedReason('身份证件模糊', en)).toBe('ID document illegible');
    expect(recordedReason('征信记录不良', en)).toBe('Poor credit record');
    expect(recordedReason('征信记录不良', zh)).toBe('征信记录不良');
  });
  it('shows the document desk’s reasons (a missing document, a problem with one) in the chosen language', () => {
    expect(recordedReason('缺少营业执照', en)).toBe('Missing: Business licence');
    expect(recordedReason('身份证（人像面）模糊不清', en)).toBe('ID card (front): illegible');
    expect(recordedReason('营业执照已过期', en)).toBe('Business licence: expired');
    expect(recordedReason('缺少营业执照', zh)).toBe('缺少营业执照');
  });
  it('shows a reason typed in as it was written', () => {
    expect(recordedReason('营业执照照片模糊', en)).toBe('营业执照照片模糊');
  });
});
