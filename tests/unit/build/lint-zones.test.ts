/**
 * The lint configuration's zones (eslint.config.js, eslint-rules/import-zones.js): ESLint's
 * Node API lints snippets as if they were files of the given paths.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The zone errors of `code` linted as the file `filePath`. */
async function zoneErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'zones/import-zones')
    .map((m) => m.message);
}

describe('lint zones', { timeout: 60_000 }, () => {
  it('fails a feature importing another feature, by alias or relative path, static or lazy', async () => {
    const alias = await zoneErrors(
      'src/features/compare/probe.tsx',
      "import { ResultsPage } from '@/features/results/results-page';\nexport const x = ResultsPage;\n",
    );
    expect(alias).toHaveLength(1);
    expect(alias[0]).toContain('« compare »');
    expect(alias[0]).toContain('« results »');
    expect(alias[0]).toContain('src/shared/<topic>/');

    const relative = await zoneErrors(
      'src/features/workshop/import/probe.ts',
      "export { parseDiagnosticFile } from '../../start/import-diagnostic-file';\n",
    );
    expect(relative).toHaveLength(1);

    const lazy = await zoneErrors(
      'src/features/answer/probe.ts',
      "export const load = () => import('@/features/workshop/room/lazy');\n",
    );
    expect(lazy).toHaveLength(1);
  });

  it('lets a feature import its own parts, shared code, the domain and packages', async () => {
    const errors = await zoneErrors(
      'src/features/workshop/results/probe.tsx',
      [
        "import { ResponseImport } from '../import/response-import';",
        "import { RoomCard } from '@/features/workshop/room/room-card';",
        "import { ScoreRadar } from '@/shared/charts/radar-chart';",
        "import { scoreGrid } from '@/domain/scoring/score-grid';",
        "import { useState } from 'react';",
        'export const all = [ResponseImport, RoomCard, ScoreRadar, scoreGrid, useState];',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('fails shared code importing a feature', async () => {
    for (const filePath of [
      'src/shared/charts/probe.ts',
      'src/storage/probe.ts',
      'src/report/probe.ts',
    ]) {
      const errors = await zoneErrors(
        filePath,
        "export { useGridAggregates } from '@/features/workshop/results/use-grid-aggregates';\n",
      );
      expect(errors, filePath).toHaveLength(1);
      expect(errors[0]).toContain('never the reverse');
    }
  });

  it('lets the router import pages, and only pages', async () => {
    const page = await zoneErrors(
      'src/app/pages.ts',
      "export const load = () => import('@/features/compare/compare-page');\n",
    );
    expect(page).toEqual([]);
    const notPage = await zoneErrors(
      'src/app/pages.ts',
      "export { ResponseImport } from '@/features/workshop/import/response-import';\n",
    );
    expect(notPage).toHaveLength(1);
    expect(notPage[0]).toContain('only pages');
    // Another file of the shell is not the router.
    const shell = await zoneErrors(
      'src/app/layout-probe.tsx',
      "export { ComparePage } from '@/features/compare/compare-page';\n",
    );
    expect(shell).toHaveLength(1);
  });

  it('holds on the source tree as it is', async () => {
    const results = await eslint.lintFiles(['src/app/pages.ts', 'src/app/app.tsx']);
    expect(
      results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'zones/import-zones')),
    ).toEqual([]);
  });

  it('keeps the domain pure: it imports neither shared code nor features', async () => {
    const [result] = await eslint.lintText(
      "export { useDiagnostic } from '@/shared/diagnostic/use-diagnostic';\n",
      { filePath: 'src/domain/probe.ts' },
    );
    const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.message).toContain('src/domain is pure');
  });
});
