import type { CentralMigration } from './index';

/**
 * No query reads `commands` by case (a repeated command is found by its id, the primary key), yet every
 * command — every claim — paid an insert into `commands_case`.
 */
export const m0110DropUnusedCommandIndex: CentralMigration = {
  version: 110,
  name: 'drop-unused-command-index',
  sql: 'DROP INDEX commands_case',
};
