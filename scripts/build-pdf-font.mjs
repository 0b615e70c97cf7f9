/**
 * Builds the fonts embedded in the PDF report: DejaVu Sans (regular and bold) subset to the
 * characters a French or English report needs, as base64 TrueType in TypeScript modules.
 * jsPDF's standard fonts only cover WinAnsi: they print U+202F (the narrow no-break space
 * `toLocaleString('fr-FR')` puts in numbers) as " /" and have no ✓ → ≥ −.
 *
 * Run: node scripts/build-pdf-font.mjs   (writes src/report/fonts/dejavu-sans*.ts)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ttfDir = join(root, 'node_modules/dejavu-fonts-ttf/ttf');
const outDir = join(root, 'src/report/fonts');

/** Inclusive code point ranges, then single characters. */
const RANGES = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1 Supplement (incl. U+00A0, « », ·, ×)
  [0x0100, 0x017f], // Latin Extended-A (Œ œ …)
  [0x2000, 0x206f], // General Punctuation (incl. U+202F, ’ ‘ “ ” – — … •)
];
const EXTRA = '€✓✗→←↑↓≥≤−×■□●○▲▼α'; // α: Cronbach's α in the workshop section

function charset() {
  let text = EXTRA;
  for (const [from, to] of RANGES) {
    for (let c = from; c <= to; c += 1) text += String.fromCodePoint(c);
  }
  return text;
}

const FONTS = [
  { source: 'DejaVuSans.ttf', out: 'dejavu-sans.ts', constant: 'DEJAVU_SANS' },
  { source: 'DejaVuSans-Bold.ttf', out: 'dejavu-sans-bold.ts', constant: 'DEJAVU_SANS_BOLD' },
];

const text = charset();
for (const font of FONTS) {
  const input = await readFile(join(ttfDir, font.source));
  const subset = await subsetFont(input, text, {
    targetFormat: 'truetype',
    noHinting: true,
    // jsPDF lays text out itself: OpenType layout tables are dead weight in the PDF.
    dropTables: ['GSUB', 'GPOS', 'GDEF', 'kern', 'hdmx', 'LTSH', 'VDMX', 'MATH'],
  });
  const base64 = subset.toString('base64');
  const module = [
    '// GENERATED FILE — do not edit. Regenerate with: node scripts/build-pdf-font.mjs',
    `// ${font.source} (DejaVu fonts, free licence: https://dejavu-fonts.github.io/License.html),`,
    '// subset to Latin, Latin-1, Latin Extended-A, general punctuation and a few symbols.',
    `/** ${font.source} subset, base64-encoded TrueType (${subset.length} bytes). */`,
    `export const ${font.constant} =`,
    `  '${base64}';`,
    '',
  ].join('\n');
  await writeFile(join(outDir, font.out), module);
  console.log(`${font.out}: ${input.length} → ${subset.length} bytes (${base64.length} base64)`);
}
