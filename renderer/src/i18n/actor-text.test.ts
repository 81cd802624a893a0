import { describe, expect, it } from 'vitest';
import { actorText, noteText } from './actor-text';
import type { Label } from '../../../shared/domain/label';

const en = (l: Label) => l.en;
const zh = (l: Label) => l.zh;

describe('actorText', () => {
  it('names the system and the central server in the chosen language, a person by his name', () => {
    expect(actorText('system', '系统', en)).toBe('System');
    expect(actorText('central', '中央服务器', en)).toBe('Central server');
    expect(actorText('central', '中央服务器', zh)).toBe('中央服务器');
    expect(actorText('u-clerk-1', '张敏', en)).toBe('张敏');
  });
});

describe('noteText', () => {
  it('shows a note the system wrote in the chosen language', () => {
    expect(noteText('system', '初始版本 / initial version', en)).toBe('initial version');
    expect(noteText('system', '初始版本 / initial version', zh)).toBe('初始版本');
  });
  it('shows a person’s note as written, slash and all', () => {
    expect(noteText('u-admin', '调整额度 / 试行', en)).toBe('调整额度 / 试行');
    expect(noteText('system', '无英文', en)).toBe('无英文');
  });
});
