import { fail } from '../../../shared/errors';

/** Why a file was refused at intake, in Chinese and English, with a stable reason code for tests and the UI. */
export type IntakeProblem =
  | 'empty'
  | 'too_large'
  | 'unsupported_type'
  | 'corrupt_image'
  | 'image_too_large'
  | 'pdf_encrypted'
  | 'pdf_empty'
  | 'pdf_corrupt'
  | 'too_many_pages'
  | 'blank';

export class IntakeError extends Error {
  constructor(
    readonly problem: IntakeProblem,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'IntakeError';
  }

  toResult() {
    return fail('validation', this.zh, this.en, { problem: this.problem });
  }
}
