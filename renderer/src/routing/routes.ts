import { useSyncExternalStore } from 'react';

/** The screens of the workbench, addressed by the URL hash so reloads and e2e tests can deep-link. */
export type Route =
  | { name: 'work' }
  | { name: 'queue'; queueId: string }
  | { name: 'case'; caseId: string }
  | { name: 'audit' }
  | { name: 'authority' }
  | { name: 'contracts'; caseId: string | null }
  | { name: 'contractTemplates' }
  | { name: 'screeningRules' }
  | { name: 'dashboard' }
  | { name: 'sync' }
  | { name: 'users' }
  | { name: 'unknown' };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed %-escape is just a name that will not be found
  }
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'work')) return { name: 'work' };
  if (parts.length === 1 && parts[0] === 'audit') return { name: 'audit' };
  if (parts.length === 1 && parts[0] === 'dashboard') return { name: 'dashboard' };
  if (parts.length === 1 && parts[0] === 'sync') return { name: 'sync' };
  if (parts.length === 1 && parts[0] === 'authority') return { name: 'authority' };
  if (parts.length === 1 && parts[0] === 'users') return { name: 'users' };
  if (parts[0] === 'contracts' && parts.length <= 2) return { name: 'contracts', caseId: parts[1] ? decode(parts[1]) : null };
  if (parts.length === 1 && parts[0] === 'contract-templates') return { name: 'contractTemplates' };
  if (parts.length === 1 && parts[0] === 'screening-rules') return { name: 'screeningRules' };
  if (parts.length === 2 && parts[0] === 'queue') return { name: 'queue', queueId: decode(parts[1]!) };
  if (parts.length === 2 && parts[0] === 'case') return { name: 'case', caseId: decode(parts[1]!) };
  return { name: 'unknown' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'work':
      return '#/work';
    case 'audit':
      return '#/audit';
    case 'dashboard':
      return '#/dashboard';
    case 'sync':
      return '#/sync';
    case 'authority':
      return '#/authority';
    case 'users':
      return '#/users';
    case 'contracts':
      return route.caseId ? `#/contracts/${encodeURIComponent(route.caseId)}` : '#/contracts';
    case 'contractTemplates':
      return '#/contract-templates';
    case 'screeningRules':
      return '#/screening-rules';
    case 'queue':
      return `#/queue/${encodeURIComponent(route.queueId)}`;
    case 'case':
      return `#/case/${encodeURIComponent(route.caseId)}`;
    case 'unknown':
      return '#/work';
  }
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

/** The queue a case was opened from, so Escape / "back" on the case page returns there. */
let lastQueueId: string | null = null;

export function rememberQueue(queueId: string): void {
  lastQueueId = queueId;
}

export function backToQueue(): void {
  navigate(lastQueueId ? { name: 'queue', queueId: lastQueueId } : { name: 'work' });
}
