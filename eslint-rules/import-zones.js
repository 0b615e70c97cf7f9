/**
 * Import zones of src/ (docs/architecture.md, « Zones »):
 *
 * - a feature (`src/features/<name>/`, one page and its own parts) imports no other feature;
 * - shared code (every other folder of src/: app, components, shared, storage, i18n, utils,
 *   report, grid-library) imports no feature, except the app shell's router, which imports the
 *   pages themselves (`src/features/<name>/<…>-page.tsx`) and nothing else of a feature.
 *
 * What two features both need moves to `src/shared/<topic>/`. The domain's own rule (it imports
 * nothing outside src/domain) is `no-restricted-imports` in eslint.config.js.
 *
 * Specifiers are resolved by path only (`@/` is `src/`), so the rule needs no resolver and
 * works on a file that does not exist yet (the lint-zone test lints snippets).
 */
import path from 'node:path';

const FEATURES = 'src/features/';
const PAGE = /^src\/features\/[^/]+\/[^/]+-page(\.tsx?)?$/;

/** `src/features/<name>` for a path in a feature, else null. */
function featureOf(file) {
  if (!file.startsWith(FEATURES)) return null;
  return file.slice(FEATURES.length).split('/')[0] ?? null;
}

/** The path from the repository root an import specifier names, or null for a package. */
function target(file, spec) {
  const clean = spec.split('?')[0];
  if (clean.startsWith('@/')) return path.posix.join('src', clean.slice(2));
  if (clean.startsWith('./') || clean.startsWith('../')) {
    return path.posix.join(path.posix.dirname(file), clean);
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const importZones = {
  meta: {
    type: 'problem',
    docs: { description: 'Features import no other feature; shared code imports no feature.' },
    schema: [
      {
        type: 'object',
        properties: { routers: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      crossFeature:
        'The feature « {{from}} » imports « {{spec}} » from the feature « {{to}} »: a feature never imports another. Move what both use to src/shared/<topic>/ (docs/architecture.md, « Zones »).',
      sharedToFeature:
        'Shared code imports « {{spec}} » from the feature « {{to}} »: features depend on shared code, never the reverse. Move it to src/shared/<topic>/ (docs/architecture.md, « Zones »).',
      routerNotPage:
        'The router imports « {{spec}} », which is not a page of « {{to}} »: it imports only pages (src/features/<name>/<…>-page.tsx).',
    },
  },
  create(context) {
    const routers = new Set(context.options[0]?.routers ?? []);
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (!file.startsWith('src/') || file.startsWith('src/domain/')) return {};
    const from = featureOf(file);

    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      const to = target(file, spec);
      const toFeature = to === null ? null : featureOf(to);
      if (toFeature === null || toFeature === from) return;
      if (from !== null) {
        context.report({
          node: source,
          messageId: 'crossFeature',
          data: { from, to: toFeature, spec },
        });
      } else if (!routers.has(file)) {
        context.report({
          node: source,
          messageId: 'sharedToFeature',
          data: { to: toFeature, spec },
        });
      } else if (!PAGE.test(to)) {
        context.report({ node: source, messageId: 'routerNotPage', data: { to: toFeature, spec } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { rules: { 'import-zones': importZones } };
