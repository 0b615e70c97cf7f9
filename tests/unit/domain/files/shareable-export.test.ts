import fc from 'fast-check';
import { countRoles, decideRoleVisibility, effectiveThreshold } from '@/domain/aggregate/anonymity';
import { ROLES, type Role } from '@/domain/answers/answers';
import type { Diagnostic, Respondent } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic } from '@/domain/diagnostic/operations';
import { buildSharedResponses } from '@/domain/files/shareable-export';
import { loadGrid } from '@/domain/grid/load-grid';
import { makeGrid } from '../../../fixtures/make-grid';

const NOW = '2025-03-01T10:00:00.000Z';
const source = makeGrid();
const loaded = (() => {
  const result = loadGrid(source);
  if (!result.ok) throw new Error('fixture grid invalid');
  return result;
})();

function workshop(people: { role: Role; comment?: string; pseudonym?: string }[]): Diagnostic {
  const diagnostic = createDiagnostic(
    {
      title: 'Atelier CSE',
      purpose: 'workshop',
      project: { name: 'Outil', kind: 'other', phase: 'choice' },
      grids: [{ grid: loaded.grid, hash: loaded.hash, source }],
    },
    { id: 'd1', now: NOW },
  );
  diagnostic.respondents = people.map((p, i): Respondent => ({
    id: `r${i}`,
    role: p.role,
    ...(p.pseudonym === undefined ? {} : { pseudonym: p.pseudonym }),
    answers: { 'test-grid': { a1: (i % 5) + 1 } },
    comments: p.comment === undefined ? {} : { 'test-grid': { 'd-a': p.comment } },
    createdAt: NOW,
    updatedAt: NOW,
  }));
  return diagnostic;
}

const SECRET = 'Seul délégué : on ne nous consulte jamais';

describe('buildSharedResponses: the shareable workshop export', () => {
  const people = [
    ...Array.from({ length: 5 }, (_, i) => ({
      role: 'employee' as const,
      comment: `Salarié ${i}`,
      pseudonym: `Camille ${i}`,
    })),
    { role: 'representative' as const, comment: SECRET, pseudonym: 'Dominique' },
  ];

  it('holds neither a role of one person nor its comment, and no comment by default', () => {
    const file = buildSharedResponses(workshop(people), { exportedAt: NOW, withComments: false });
    const text = JSON.stringify(file);
    expect(text).not.toContain('representative');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Salarié');
    expect(text).not.toContain('Camille');
    expect(text).not.toContain('"r0"');
    expect(file.comments).toBe('none');
    // Secondary suppression, as on the page: 1 masked person could be deduced, so the
    // employees are merged with them.
    expect(file.respondents.map((r) => r.role)).toEqual(Array(6).fill('masked'));
    expect(file.maskedRespondents).toBe(6);
    expect(file.respondents.every((r) => !('comments' in r))).toBe(true);
  });

  it('adds comments only when asked, never those of a small role', () => {
    const file = buildSharedResponses(workshop(people), { exportedAt: NOW, withComments: true });
    const text = JSON.stringify(file);
    expect(file.comments).toBe('included');
    expect(text).toContain('Salarié 3');
    expect(text).not.toContain(SECRET);
  });

  it('keeps the roles the page shows apart', () => {
    const diagnostic = workshop([
      ...Array.from({ length: 3 }, () => ({ role: 'employee' as const })),
      ...Array.from({ length: 4 }, () => ({ role: 'manager' as const })),
      ...Array.from({ length: 2 }, () => ({ role: 'representative' as const })),
      { role: 'other' as const },
    ]);
    const file = buildSharedResponses(diagnostic, { exportedAt: NOW, withComments: false });
    expect(file.respondents.map((r) => r.role)).toEqual([
      ...Array(4).fill('manager'),
      ...Array(3).fill('employee'),
      ...Array(3).fill('masked'),
    ]);
  });

  it('names a role exactly when the anonymity rule shows it apart, for any group (property)', () => {
    const roles = fc.array(fc.constantFrom(...ROLES), { maxLength: 30 });
    fc.assert(
      fc.property(roles, fc.integer({ min: 2, max: 6 }), fc.boolean(), (list, threshold, asked) => {
        const diagnostic = workshop(list.map((role, i) => ({ role, comment: `c-${role}-${i}` })));
        diagnostic.anonymityThreshold = threshold;
        const file = buildSharedResponses(diagnostic, { exportedAt: NOW, withComments: asked });
        const counts = countRoles(diagnostic.respondents);
        const { visible } = decideRoleVisibility(counts, effectiveThreshold(threshold));
        const shown = new Set(file.respondents.map((r) => r.role));
        for (const role of ROLES) expect(shown.has(role)).toBe(visible.includes(role));
        expect(file.respondents).toHaveLength(list.length);
        const text = JSON.stringify(file);
        const present = ROLES.filter((role) => (counts.get(role) ?? 0) > 0);
        for (const role of present) {
          const small = (counts.get(role) ?? 0) < effectiveThreshold(threshold);
          // A small role's comments never leave when others answered too; none leave unasked.
          const leaks = text.includes(`c-${role}-`);
          if (!asked || (small && present.length > 1)) expect(leaks).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
