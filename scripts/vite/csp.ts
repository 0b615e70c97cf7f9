/**
 * The Content-Security-Policy of the app, and the Vite plugins that keep it right in each build.
 *
 * The policy itself is written once, as a `<meta http-equiv>` in index.html (see docs/security.md
 * for why each directive is there). The dev server drops it (Vite's dev client needs inline
 * scripts and styles); the single-file build replaces it with a policy that allows exactly the
 * inlined script and style by their sha256 hashes.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** Matches the CSP meta element of index.html. */
export const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** Reads the directives of a policy (`name → sources`), in order. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Writes directives back as a policy string. */
export function formatPolicy(directives: Map<string, string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** `'sha256-…'` of an inline script or style, as CSP expects it (hash of the exact text). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Dev server only: removes the CSP meta, which would block Vite's inline dev scripts. */
export function dropCspInDev(): Plugin {
  return {
    name: 'qvt:drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: { order: 'pre', handler: (html) => html.replace(CSP_META, '') },
  };
}

/**
 * Single-file build: once every script and style is inlined, writes the CSP meta again so that
 * `script-src` and `style-src` allow exactly those inline elements, by hash — no 'unsafe-inline'
 * for scripts. The meta is taken out before inlining (so vite-plugin-singlefile does not warn
 * about a policy about to be rewritten) and put back first in <head>. Fails the build when
 * index.html has no policy, so a file without one never ships.
 */
export function hashInlineCsp(): Plugin {
  let policy = '';
  return {
    name: 'qvt:hash-inline-csp',
    enforce: 'post',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const meta = CSP_META.exec(html);
        if (!meta?.[1]) throw new Error('index.html: no Content-Security-Policy meta');
        policy = meta[1];
        return html.replace(new RegExp(String.raw`\n\s*` + CSP_META.source, 'i'), '');
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const asset of Object.values(bundle)) {
          if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
          const html = String(asset.source);
          const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
            .map((m) => m[1] ?? '')
            .filter((code) => code.trim() !== '');
          const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(
            (m) => m[1] ?? '',
          );
          const directives = parsePolicy(policy);
          const scriptSrc = (directives.get('script-src') ?? ["'self'"]).filter(
            (s) => s !== "'unsafe-inline'",
          );
          directives.set('script-src', [...scriptSrc, ...scripts.map(cspHash)]);
          // A hash would switch off 'unsafe-inline' (kept when style attributes need it).
          const styleSrc = directives.get('style-src') ?? ["'self'"];
          if (!styleSrc.includes("'unsafe-inline'")) {
            directives.set('style-src', [...styleSrc, ...styles.map(cspHash)]);
          }
          const meta = `<meta http-equiv="Content-Security-Policy" content="${formatPolicy(directives)}" />`;
          if (!/<meta charset="UTF-8" \/>/i.test(html))
            this.error(`${asset.fileName}: no charset meta`);
          asset.source = html.replace(
            /<meta charset="UTF-8" \/>/i,
            (charset) => `${charset}\n    ${meta}`,
          );
        }
      },
    },
  };
}
