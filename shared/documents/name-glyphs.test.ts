import { describe, expect, it } from 'vitest';
import type { ExtractedField } from './extract';
import { FIELD_DEFS } from './fields';
import { mendName, nameGlyphCount, nameWithoutSpeck, underReadGlyphs } from './name-glyphs';

const box = (glyphs: number, h = 30) => ({ x0: 150, y0: 70, x1: 150 + Math.round(glyphs * h), y1: 70 + h });

describe('nameGlyphCount', () => {
  it('counts square glyphs in a name box', () => {
    expect(nameGlyphCount(box(2))).toBe(2);
    expect(nameGlyphCount(box(3))).toBe(3);
    expect(nameGlyphCount({ x0: 155, y0: 68, x1: 245, y1: 98 })).toBe(3); // 孟健涛 as read from an ID card
    expect(nameGlyphCount(box(4))).toBe(4);
  });

  it('gives no count for boxes that are not a row of 2–4 square glyphs', () => {
    expect(nameGlyphCount(box(1))).toBeNull();
    expect(nameGlyphCount(box(6))).toBeNull();
    expect(nameGlyphCount(box(2.5))).toBeNull();
    expect(nameGlyphCount({ x0: 0, y0: 10, x1: 50, y1: 10 })).toBeNull();
  });
});

describe('nameWithoutSpeck', () => {
  const readings = [
    { text: '振健涛', confidence: 74 },
    { text: '孟健涛', confidence: 76 },
    { text: '和孟健涛', confidence: 89 },
  ];

  it('drops a speck read as a character before the name', () => {
    expect(nameWithoutSpeck(box(3), '和孟健涛', readings)).toEqual({ text: '孟健涛', confidence: 76 });
  });

  it('keeps the chosen name when it fits its box, no reading lacks the speck, or the rest is no name', () => {
    expect(nameWithoutSpeck(box(3), '孟健涛', readings)).toBeNull();
    expect(nameWithoutSpeck(box(4), '和孟健涛', readings)).toBeNull();
    expect(nameWithoutSpeck(box(3), '和孟健涛', [{ text: '和孟健涛', confidence: 99 }])).toBeNull();
    // 赖欣斌 in a box that looks two glyphs wide: 欣斌 starts with no surname, so nothing is dropped
    expect(nameWithoutSpeck(box(2), '赖欣斌', [{ text: '欣斌', confidence: 90 }])).toBeNull();
  });
});

describe('underReadGlyphs', () => {
  it('takes 磊 where one reading has it and the chosen one a look-alike', () => {
    expect(underReadGlyphs('顾军乔', [{ text: '顾军乔', confidence: 86 }, { text: '顾军磊', confidence: 83 }])).toEqual({ text: '顾军磊', confidence: 83 });
    expect(underReadGlyphs('顾军符', [{ text: '顾军磊', confidence: 72 }, { text: '顾军乔', confidence: 75 }])).toEqual({ text: '顾军磊', confidence: 72 });
    expect(underReadGlyphs('李乔', [{ text: '李 磊', confidence: 83 }])).toEqual({ text: '李磊', confidence: 83 });
  });

  it('changes nothing without such a reading, or where the readings differ elsewhere too', () => {
    expect(underReadGlyphs('乔峰', [{ text: '乔峰', confidence: 90 }])).toBeNull();
    expect(underReadGlyphs('顾军乔', [{ text: '顾军和大', confidence: 86 }])).toBeNull();
    expect(underReadGlyphs('顾军乔', [{ text: '顾平磊', confidence: 86 }])).toBeNull();
    expect(underReadGlyphs('李乔', [{ text: '李乔', confidence: 76 }, { text: '李和', confidence: 20 }])).toBeNull();
  });
});

describe('mendName', () => {
  const def = FIELD_DEFS.id_card_front.find((d) => d.key === 'name')!;
  const field = (value: string): ExtractedField => ({ key: 'name', raw: value, value, confidence: 89, problems: [], page: 0, bbox: box(3), source: 'reread' });

  it('applies both mends in turn, as a re-read field', () => {
    const readings = [
      { text: '和孟健乔', confidence: 89 },
      { text: '孟健乔', confidence: 76 },
      { text: '孟健磊', confidence: 70 },
    ];
    expect(mendName(def, field('和孟健乔'), readings)).toMatchObject({ raw: '孟健磊', value: '孟健磊', confidence: 70, problems: [], source: 'reread', bbox: box(3) });
  });

  it('returns the chosen field itself when nothing needs mending', () => {
    const chosen = field('孟健涛');
    expect(mendName(def, chosen, [{ text: '孟健涛', confidence: 90 }])).toBe(chosen);
  });
});
