import { describe, expect, it } from 'vitest';
import { listText } from './list-text';
import type { Label } from '../../../shared/domain/label';

const zh = (l: Label) => l.zh;
const en = (l: Label) => l.en;

describe('listText', () => {
  it('joins with the enumeration comma in Chinese and a comma in English', () => {
    expect(listText(['张三', '李四'], zh)).toBe('张三、李四');
    expect(listText(['Zhang San', 'Li Si'], en)).toBe('Zhang San, Li Si');
  });

  it('leaves one item, or none, without a separator', () => {
    expect(listText(['张三'], zh)).toBe('张三');
    expect(listText([], en)).toBe('');
  });
});
