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
  it('turns off zod’s code generation (the CSP forbids eval) and sets English messages', () => {
    expect(globalConfig.jitless).toBe(true);
    expect(typeof globalConfig.localeError).toBe('function');
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
