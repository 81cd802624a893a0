/** A person seen in the trail: the auditor may filter by name, the host filters by id. */
export interface KnownUser {
  id: string;
  name: string;
}

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A typed name of a known user becomes the id; an id is kept; anything else is not a usable filter. */
export function resolveUserId(text: string, users: readonly KnownUser[]): { id: string | undefined; invalid: boolean } {
  const trimmed = text.trim();
  if (!trimmed) return { id: undefined, invalid: false };
  const byName = users.find((u) => u.name === trimmed);
  if (byName) return { id: byName.id, invalid: false };
  return USER_ID.test(trimmed) ? { id: trimmed, invalid: false } : { id: undefined, invalid: true };
}
