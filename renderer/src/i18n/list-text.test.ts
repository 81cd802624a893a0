import { describe, expect, it } from 'vitest';
import { listText } from './list-text';

const zh = (l: { zh: string; en: string }) => l.zh;
const en = (l: { zh: string; en: string }) => l.en;

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
