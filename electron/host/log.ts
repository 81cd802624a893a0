import { loggableError } from '../../shared/domain/masking';

/**
 * Host log. Messages name channels and codes, never payloads: payloads can hold ID numbers and credit
 * codes, which must not reach a log file (an error's own message is masked, `loggableError`).
 */
export const log = {
  info(area: string, message: string): void {
    if (process.env.WORKBENCH_QUIET !== '1') console.log(`[${area}] ${message}`);
  },
  error(area: string, message: string, err?: unknown): void {
    console.error(`[${area}] ${message}${err === undefined ? '' : ' — ' + loggableError(err)}`);
  },
};
