import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globalConfig } from 'zod/v4/core';
import '@/domain/zod-setup';

const SRC = join(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Value imports of zod (type-only imports build no schema). */
const ZOD_IMPORT = /^import (?!type )[^;]*from 'zod(?:\/[^']*)?';$/m;
const SETUP_IMPORT = "import '@/domain/zod-setup';";

describe('zod setup', () => {
  it('turns off zod’s code generation (the CSP forbids eval); English messages come apart', async () => {
    expect(globalConfig.jitless).toBe(true);
    const setup = readFileSync(join(SRC, 'domain/zod-setup.ts'), 'utf8');
    expect(setup).not.toMatch(/locales/);
    await import('@/domain/zod-messages');
    expect(typeof globalConfig.localeError).toBe('function');
    expect(globalConfig.jitless).toBe(true);
  });

  it('has the English messages imported by every module that shows an issue’s message', () => {
    // load-grid reads only the messages the grid schema sets itself (`{ message: 'id' }`), as codes.
    const codesOnly = ['domain/grid/load-grid.ts'];
    const users = sourceFiles(SRC).filter(
      (file) =>
        /issue\??\.message/.test(readFileSync(file, 'utf8')) &&
        !codesOnly.includes(relative(SRC, file)),
    );
    // The file readers translate issues themselves (read-json-file.ts); stored-record details remain.
    expect(users.length).toBeGreaterThanOrEqual(1);
    for (const file of users) {
      const text = readFileSync(file, 'utf8');
      expect({
        file: relative(SRC, file),
        messages: text.includes("'@/domain/zod-messages'"),
      }).toEqual({
        file: relative(SRC, file),
        messages: true,
      });
    }
  });

  it('is imported before zod by every module that imports zod', () => {
    const users = sourceFiles(SRC).filter(
      (file) => !file.endsWith('zod-setup.ts') && ZOD_IMPORT.test(readFileSync(file, 'utf8')),
    );
    expect(users.length).toBeGreaterThan(5);
    for (const file of users) {
      const text = readFileSync(file, 'utf8');
      const setup = text.indexOf(SETUP_IMPORT);
      const zod = text.search(ZOD_IMPORT);
      expect({ file: relative(SRC, file), setupFirst: setup >= 0 && setup < zod }).toEqual({
        file: relative(SRC, file),
        setupFirst: true,
      });
    }
  });
});
