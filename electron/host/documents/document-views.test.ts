import { describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE } from '../../../shared/documents/fields';
import type { DocumentRow, FieldRow } from './document-repo';
import { fieldView } from './document-views';

const doc = { id: 'd-1', caseId: 'c-1', kind: 'id_card_front' } as DocumentRow;
const field = (over: Partial<FieldRow>): FieldRow => ({
  documentId: 'd-1',
  field: 'name',
  ord: 0,
  ocrRaw: '张三',
  ocrValue: '张三',
  ocrConfidence: 92,
  ocrProblems: [],
  ocrSource: 'ocr',
  pageNo: 1,
  bbox: null,
  value: '张三',
  status: 'recognised',
  reviewedBy: null,
  reviewedByName: null,
  reviewedAt: null,
  ...over,
});

describe('fieldView: what the checking desk is told to look at', () => {
  it('marks a value read with low confidence as doubtful, and one read at the threshold as not', () => {
    expect(fieldView(doc, field({ ocrConfidence: LOW_CONFIDENCE - 1 }), true).doubtful).toBe(true);
    expect(fieldView(doc, field({ ocrConfidence: LOW_CONFIDENCE }), true).doubtful).toBe(false);
  });

  it('marks a confidently read value that fails its check (a wrong check digit) as doubtful', () => {
    const id = fieldView(doc, field({ field: 'idNumber', ocrValue: '110101199003074517', value: '110101199003074517', ocrProblems: ['check_digit'], ocrConfidence: 97 }), true);
    expect(id).toMatchObject({ doubtful: true, problems: ['check_digit'], confidence: 97 });
  });

  it('masks an identity number for a viewer without pii.view, in every form it is shown', () => {
    const raw = '110101199003074514';
    const f = field({ field: 'idNumber', ocrRaw: raw, ocrValue: raw, value: raw });
    expect(fieldView(doc, f, true)).toMatchObject({ value: raw, ocrValue: raw, ocrRaw: raw });
    expect(fieldView(doc, f, false)).toMatchObject({ value: '1101**********4514', ocrValue: '1101**********4514', ocrRaw: '1101**********4514' });
    expect(fieldView(doc, field({}), false).value).toBe('张三');
  });

  it('masks the birth date on an ID card too (the middle of the identity number), and leaves other dates', () => {
    const birth = field({ field: 'birthDate', ocrRaw: '1990年3月7日', ocrValue: '1990-03-07', value: '1990-03-07' });
    expect(fieldView(doc, birth, true)).toMatchObject({ value: '1990-03-07', ocrRaw: '1990年3月7日' });
    expect(fieldView(doc, birth, false)).toMatchObject({ value: '****-**-**', ocrValue: '****-**-**', ocrRaw: '****年*月*日' });
    const licence = { ...doc, kind: 'business_licence' } as DocumentRow;
    expect(fieldView(licence, field({ field: 'establishedOn', ocrValue: '2015-06-01', value: '2015-06-01' }), false).value).toBe('2015-06-01');
  });
});
