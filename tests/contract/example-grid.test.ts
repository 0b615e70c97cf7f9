import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { checkGridTranslations, loadGrid, loadGridText } from '@/domain/grid/load-grid';
import { scoreGrid } from '@/domain/scoring/score-grid';

// The worked example of docs/writing-a-grid.md must stay a valid grid, and the figures the guide
// computes by hand must stay the figures the app computes.
const ROOT = join(__dirname, '../..');
const TEXT = readFileSync(join(ROOT, 'docs/examples/example-grid.json'), 'utf8');
const EXAMPLE = JSON.parse(TEXT) as unknown;

describe('docs/examples/example-grid.json', () => {
  it('loads with loadGrid', () => {
    const result = loadGrid(EXAMPLE);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('loads from its text too, as the grids page reads it', () => {
    expect(loadGridText(TEXT).ok).toBe(true);
  });

  it('has every text in French and English', () => {
    const result = loadGrid(EXAMPLE);
    if (!result.ok) throw new Error('invalid example');
    expect(checkGridTranslations(result.grid)).toEqual([]);
  });

  it('passes the published JSON Schema', () => {
    const schema = JSON.parse(
      readFileSync(join(ROOT, 'questionnaires/grid.schema.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) });
    const validate = ajv.compile(schema);
    expect(validate(EXAMPLE)).toBe(true);
  });

  it('scores the guide’s respondent as computed by hand in the guide', () => {
    const result = loadGrid(EXAMPLE);
    if (!result.ok) throw new Error('invalid example');
    const score = scoreGrid(result.grid, {
      'mc-charge-1': 2, // (2 − 1) / (4 − 1) × 100 = 33.33
      'mc-charge-2': 4, // reversed: 100 − (4 − 1) / (5 − 1) × 100 = 25
      'mc-charge-3': 'dk', // left out of the mean, counted apart
      'mc-deco-1': 5, // reversed: 100 − 100 = 0
      'mc-deco-2': 3, // 66.67, weight 2
    });
    const [charge, deconnexion] = score.dimensions;
    expect(charge?.coverage).toBeCloseTo(2 / 3, 8);
    expect(charge?.score).toBeCloseTo((100 / 3 + 25) / 2, 8); // 29.17
    expect(charge?.level?.id).toBe('fragile');
    expect(deconnexion?.score).toBeCloseTo((0 + 2 * (200 / 3)) / 3, 8); // 44.44
    expect(score.score).toBeCloseTo(((100 / 3 + 25) / 2 + 400 / 9) / 2, 8); // 36.81
    expect(score.level?.id).toBe('fragile');
  });
});
