import fc from 'fast-check';
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic } from '@/domain/diagnostic/operations';
import {
  buildResponsesCsv,
  buildScoresCsv,
  csvCell,
  csvNumber,
  toCsv,
  visibleRoles,
} from '@/domain/files/csv-export';
import { gridContentHash } from '@/domain/grid/hash';
import { makeGrid } from '../../../fixtures/make-grid';

// test-grid: d-a (a1, a2), d-b (b1, b2), all on 1–5 (scores 0, 25, 50, 75, 100).
const grid = makeGrid();
const BOM = '\uFEFF';

function respondent(
  id: string,
  role: Respondent['role'],
  answers: Record<string, number | 'dk' | 'na'>,
): Respondent {
  return {
    id,
    role,
    pseudonym: `Pseudo-${id}`,
    answers: { 'test-grid': answers },
    comments: { 'test-grid': { 'd-a': `commentaire de ${id}` } },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

function diagnostic(respondents: Respondent[], anonymityThreshold = 3): Diagnostic {
  const base = createDiagnostic(
    {
      title: 'CSV',
      purpose: 'workshop',
      project: { name: 'Outil', kind: 'ai', phase: 'idea' },
      grids: [{ grid, hash: gridContentHash(grid) }],
    },
    { id: 'd1', now: '2025-01-01T00:00:00.000Z' },
  );
  return { ...base, respondents, anonymityThreshold };
}

// Per respondent (by hand), d-a / d-b:
//   e1 100 / 0, e2 50 / 50, e3 0 (a2 dk) / 100 (b1 na), r1 75 / 75, r2 25 / 25, m1 50 / none.
// Threshold 3: representative (2) and manager (1) are masked; masked total 3, so employee (3) shows.
const WORKSHOP = [
  respondent('e1', 'employee', { a1: 5, a2: 5, b1: 1, b2: 1 }),
  respondent('r1', 'representative', { a1: 4, a2: 4, b1: 4, b2: 4 }),
  respondent('e2', 'employee', { a1: 3, a2: 3, b1: 3, b2: 3 }),
  respondent('m1', 'manager', { a1: 5, a2: 1 }),
  respondent('r2', 'representative', { a1: 2, a2: 2, b1: 2, b2: 2 }),
  respondent('e3', 'employee', { a1: 1, a2: 'dk', b1: 'na', b2: 5 }),
];

describe('csvCell', () => {
  it.each([
    ['plain', ';', 'plain'],
    ['', ';', ''],
    ['a;b', ';', '"a;b"'],
    ['a;b', ',', 'a;b'],
    ['a,b', ',', '"a,b"'],
    ['a,b', ';', 'a,b'],
    ['say "hi"', ';', '"say ""hi"""'],
    ['two\nlines', ',', '"two\nlines"'],
    ['carriage\rreturn', ';', '"carriage\rreturn"'],
    ['crlf\r\nend', ';', '"crlf\r\nend"'],
    [' padded', ';', '" padded"'],
    ['accentué « ok »', ';', 'accentué « ok »'],
  ] as const)('writes %j with %s as %j', (value, separator, expected) => {
    expect(csvCell(value, separator)).toBe(expected);
  });
});

describe('csvNumber', () => {
  it.each([
    [50, ';', 2, '50'],
    [43.3333333, ';', 2, '43,33'],
    [43.3333333, ',', 2, '43.33'],
    [0.916666, ';', 4, '0,9167'],
    [-2, ';', 2, '-2'],
    [-0.001, ',', 2, '0'],
    [31.25, ';', 2, '31,25'],
  ] as const)('writes %d with %s and %d digits as %s', (value, separator, digits, expected) => {
    expect(csvNumber(value, separator, digits)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(
      toCsv(
        [
          ['a', 'b;c'],
          [1.5, null, undefined],
        ],
        ';',
      ),
    ).toBe(`${BOM}a;"b;c"\r\n1,5;;\r\n`);
  });

  it('reads back cell by cell with an RFC 4180 reader (property)', () => {
    // A minimal RFC 4180 reader, written for this test.
    const read = (text: string, separator: string): string[][] => {
      const rows: string[][] = [];
      let row: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < text.length; i += 1) {
        const c = text[i];
        if (quoted) {
          if (c === '"' && text[i + 1] === '"') {
            cell += '"';
            i += 1;
          } else if (c === '"') quoted = false;
          else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === separator) {
          row.push(cell);
          cell = '';
        } else if (c === '\r' && text[i + 1] === '\n') {
          row.push(cell);
          rows.push(row);
          row = [];
          cell = '';
          i += 1;
        } else cell += c;
      }
      return rows;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(',' as const, ';' as const),
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (separator, rows) => {
          const text = toCsv(rows, separator);
          expect(text.startsWith(BOM)).toBe(true);
          expect(read(text.slice(1), separator)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('visibleRoles', () => {
  it.each([
    ['a role of two is masked with its company', 3, WORKSHOP, ['employee']],
    ['threshold 2, a lone manager: masking 1 needs the pair masked too', 2, WORKSHOP, ['employee']],
    [
      'threshold 2 without the manager shows the pair',
      2,
      WORKSHOP.filter((r) => r.role !== 'manager'),
      ['employee', 'representative'],
    ],
    [
      'secondary suppression: masking 2 of 6 would be undone by subtraction',
      3,
      [...WORKSHOP.filter((r) => r.role !== 'manager'), respondent('e4', 'employee', { a1: 1 })],
      [],
    ],
  ] as const)('%s', (_label, threshold, respondents, expected) => {
    expect([...visibleRoles(diagnostic([...respondents], threshold))]).toEqual(expected);
  });
});

describe('buildResponsesCsv', () => {
  it('writes one row per respondent, masked roles neutral, sorted by role then answers', () => {
    expect(buildResponsesCsv(diagnostic(WORKSHOP), [grid], ',')).toBe(
      BOM +
        [
          'row,role,test-grid.a1,test-grid.a2,test-grid.b1,test-grid.b2',
          '1,employee,1,dk,na,5',
          '2,employee,3,3,3,3',
          '3,employee,5,5,1,1',
          '4,masked,2,2,2,2',
          '5,masked,4,4,4,4',
          '6,masked,5,1,,',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('uses the semicolon and decimal commas when asked', () => {
    const half = makeGrid({
      scales: [{ id: 'five', points: [0, 0.5, 1].map((value) => ({ value, label: { fr: 'x' } })) }],
    });
    const d = {
      ...diagnostic([]),
      respondents: [{ ...respondent('x', 'other', {}), answers: { 'test-grid': { a1: 0.5 } } }],
    };
    expect(buildResponsesCsv(d, [half], ';')).toBe(
      `${BOM}row;role;test-grid.a1;test-grid.a2;test-grid.b1;test-grid.b2\r\n1;masked;0,5;;;\r\n`,
    );
  });

  it('never writes a masked role, a respondent id, a pseudonym or a comment', () => {
    const text = buildResponsesCsv(diagnostic(WORKSHOP), [grid], ';');
    for (const forbidden of [
      'representative',
      'manager',
      'Pseudo',
      'commentaire',
      'e1',
      'r2',
      'm1',
    ])
      expect(text).not.toContain(forbidden);
  });

  it('masks every role when secondary suppression requires it', () => {
    const d = diagnostic([
      ...WORKSHOP.filter((r) => r.role !== 'manager'),
      respondent('e4', 'employee', { a1: 1 }),
    ]);
    const roles = buildResponsesCsv(d, [grid], ';')
      .slice(1)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(';')[1]);
    expect(roles).toEqual(['masked', 'masked', 'masked', 'masked', 'masked', 'masked']);
  });

  it('never depends on the order respondents were added (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(WORKSHOP, { minLength: WORKSHOP.length }), (shuffled) => {
        expect(buildResponsesCsv(diagnostic(shuffled), [grid], ';')).toBe(
          buildResponsesCsv(diagnostic(WORKSHOP), [grid], ';'),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe('buildScoresCsv', () => {
  it('writes the statistics for everyone and for visible roles only', () => {
    // all d-a: [0, 25, 50, 50, 75, 100] → mean 50, q1 31.25, q3 68.75, sd √(6250 / 6) = 32.27;
    //   coverage 11 / 12, dk 1 / 12.
    // all d-b: [0, 25, 50, 75, 100] → sd √1250 = 35.36; coverage 9 / 12.
    // employee d-a and d-b: [0, 50, 100] → q1 25, q3 75, sd √(5000 / 3) = 40.82; coverage 5 / 6.
    expect(buildScoresCsv(diagnostic(WORKSHOP), [grid], ';')).toBe(
      BOM +
        [
          'grid;dimension;group;respondents;n;mean;median;q1;q3;min;max;sd;coverage;dk_rate',
          'test-grid;;all;6;;50;;;;;;;;',
          'test-grid;d-a;all;6;6;50;50;31,25;68,75;0;100;32,27;0,9167;0,0833',
          'test-grid;d-b;all;6;5;50;50;25;75;0;100;35,36;0,75;0',
          'test-grid;;employee;3;;50;;;;;;;;',
          'test-grid;d-a;employee;3;3;50;50;25;75;0;100;40,82;0,8333;0,1667',
          'test-grid;d-b;employee;3;3;50;50;25;75;0;100;40,82;0,8333;0',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('has no row for a masked role, with a comma separator too', () => {
    const text = buildScoresCsv(diagnostic(WORKSHOP), [grid], ',');
    expect(text).toContain('test-grid,d-a,all,6,6,50,50,31.25,68.75,0,100,32.27,0.9167,0.0833');
    expect(text).not.toMatch(/representative|manager|masked/);
  });
});
