import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonAs } from './json-as';

describe('jsonAs', () => {
  const Shape = z.object({ documentId: z.string(), n: z.number().int() });

  it('reads a text of the shape', () => {
    expect(jsonAs(Shape, '{"documentId":"d-1","n":2}')).toEqual({ documentId: 'd-1', n: 2 });
  });

  it.each([
    ['cut short', '{"documentId":'],
    ['not JSON', 'd-1'],
    ['another shape', '{"documentId":"d-1","n":"2"}'],
    ['null', 'null'],
    ['empty', ''],
  ])('gives null for a text %s', (_, text) => {
    expect(jsonAs(Shape, text)).toBeNull();
  });
});
