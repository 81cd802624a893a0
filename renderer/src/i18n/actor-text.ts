import { SERVER_ACTOR, SYSTEM_USER } from '../../../shared/auth/system-user';
import { bilingual } from './list-text';
import type { Label } from './use-labels';

/** The actors that are not people, named in the chosen language (their stored names are Chinese). */
const NON_PERSON_ACTORS: Record<string, Label> = {
  [SYSTEM_USER.id]: { zh: SYSTEM_USER.displayName, en: 'System' },
  [SERVER_ACTOR.id]: { zh: SERVER_ACTOR.name, en: 'Central server' },
};

/** Who did it, as an entry names him: a person by his name, the system or the central server in words. */
export function actorText(actorId: string, actorName: string, pick: (label: Label) => string): string {
  const label = NON_PERSON_ACTORS[actorId];
  return label ? pick(label) : actorName;
}

/**
 * A version's note: one the system wrote itself (version 1 of the rules and of the authority matrix, as
 * shipped) is stored as "中文 / English" and shown in the chosen language; a person's is shown as written.
 */
export function noteText(createdBy: string, note: string, pick: (label: Label) => string): string {
  const both = createdBy === SYSTEM_USER.id ? bilingual(note) : null;
  return both ? pick(both) : note;
}
