import { useSyncExternalStore } from 'react';

/**
 * Hash-based routing (`#/results/abc`): works from any static host, from a sub-path and from
 * files opened with file:// — the server never sees the route.
 */
export type RouteName =
  'start' | 'new' | 'answer' | 'results' | 'workshop' | 'compare' | 'grids' | 'about' | 'notFound';

export type Route = { name: RouteName; params: Record<string, string>; path: string };

const PATTERNS: [RouteName, RegExp, string[]][] = [
  ['start', /^\/$/, []],
  ['new', /^\/new$/, []],
  ['answer', /^\/answer(?:\/([^/]+)(?:\/([^/]+))?)?$/, ['diagnosticId', 'step']],
  ['results', /^\/results(?:\/([^/]+))?$/, ['diagnosticId']],
  ['workshop', /^\/workshop(?:\/([^/]+)(?:\/(projection|paper))?)?$/, ['diagnosticId', 'view']],
  ['compare', /^\/compare(?:\/([^/]+)\/([^/]+))?$/, ['t0', 't1']],
  ['grids', /^\/grids(?:\/([^/]+))?$/, ['gridId']],
  ['about', /^\/about$/, []],
];

/** Reads a location hash into a route; unknown paths give `notFound`, never an exception. */
export function parseRoute(hash: string): Route {
  let path = hash.replace(/^#/, '');
  if (path === '') path = '/';
  if (!path.startsWith('/')) path = '/' + path;
  for (const [name, pattern, keys] of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    keys.forEach((key, i) => {
      const raw = match[i + 1];
      if (raw === undefined) return;
      try {
        params[key] = decodeURIComponent(raw);
      } catch {
        params[key] = raw;
      }
    });
    return { name, params, path };
  }
  return { name: 'notFound', params: {}, path };
}

/** Builds the href of a route path, e.g. `href('/results', id)` → `#/results/<id>`. */
export function href(base: string, ...segments: string[]): string {
  return '#' + [base, ...segments.map(encodeURIComponent)].join('/').replace(/\/+/g, '/');
}

export function navigate(path: string): void {
  const target = path.startsWith('#') ? path : '#' + path;
  if (window.location.hash === target) return;
  window.location.hash = target;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function getHash(): string {
  return window.location.hash;
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseRoute(hash);
}
