import { describe, expect, it } from 'vitest';
import { actorText } from './actor-text';

describe('actorText', () => {
  const en = (l: { zh: string; en: string }) => l.en;
  const zh = (l: { zh: string; en: string }) => l.zh;
  it('names the system and the central server in the chosen language, a person by his name', () => {
    expect(actorText('system', '系统', en)).toBe('System');
    expect(actorText('central', '中央服务器', en)).toBe('Central server');
    expect(actorText('central', '中央服务器', zh)).toBe('中央服务器');
    expect(actorText('u-clerk-1', '张敏', en)).toBe('张敏');
  });
});
