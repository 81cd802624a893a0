import { z } from 'zod';

/** Case ids are generated (`c-…`); anything else in a payload is refused before a case is looked up. */
export const CaseId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
