import fc from 'fast-check';
import type { Role } from '@/domain/answers/answers';
import { aggregateGrid } from '@/domain/aggregate/aggregate-grid';
import { scoreGrid } from '@/domain/scoring/score-grid';
import { summarize } from '@/domain/stats';
import {
  aggregateGridFixture,
  respondentsArbitrary as respondentsOf,
} from '../../../fixtures/aggregate-arbitraries';

const grid = aggregateGridFixture;
const respondentsArbitrary = respondentsOf(25, 'secret-respondent-');

const threshold = fc.constantFrom(undefined, 1, 2, 3, 4, 5);

describe('aggregateGrid properties', () => {
  it('does not depend on the order of the respondents', () => {
    fc.assert(
      fc.property(
        respondentsArbitrary.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        threshold,
        ([list, shuffled], anonymityThreshold) => {
          expect(aggregateGrid(grid, shuffled, { anonymityThreshold })).toEqual(
            aggregateGrid(grid, list, { anonymityThreshold }),
          );
        },
      ),
    );
  });

  it('never shows a masked role, and masks 0 or at least the threshold', () => {
    fc.assert(
      fc.property(respondentsArbitrary, threshold, (list, anonymityThreshold) => {
        const aggregate = aggregateGrid(grid, list, { anonymityThreshold });
        const t = aggregate.anonymityThreshold;
        const counts = new Map<Role, number>();
        for (const r of list) counts.set(r.role, (counts.get(r.role) ?? 0) + 1);
        const visible = aggregate.roles.map((role) => role.role);
        const masked = [...counts.keys()].filter((role) => !visible.includes(role));
        const json = JSON.stringify(aggregate);
        for (const role of masked) expect(json).not.toContain(`"${role}"`);
        for (const role of visible) expect(counts.get(role) ?? 0).toBeGreaterThanOrEqual(t);
        for (const role of aggregate.roles) expect(role.respondents).toBe(counts.get(role.role));
        expect(json).not.toContain('secret-respondent');
        const shown = aggregate.roles.reduce((sum, role) => sum + role.respondents, 0);
        expect(shown + aggregate.masked.respondents).toBe(list.length);
        const m = aggregate.masked.respondents;
        if (list.length >= t) expect(m === 0 || m >= t).toBe(true);
        else expect(aggregate.roles).toEqual([]); // too few people: no role is ever shown apart
        for (const gap of aggregate.divergence.roleGaps) {
          expect(visible).toContain(gap.roleA);
          expect(visible).toContain(gap.roleB);
        }
      }),
    );
  });

  it('keeps aggregate scores in [0, 100]', () => {
    fc.assert(
      fc.property(respondentsArbitrary, (list) => {
        const aggregate = aggregateGrid(grid, list);
        for (const d of aggregate.dimensions) {
          if (d.score !== null) {
            expect(d.score).toBeGreaterThanOrEqual(0);
            expect(d.score).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });

  it('agrees with the statistics of the individual scores', () => {
    fc.assert(
      fc.property(respondentsArbitrary, (list) => {
        const aggregate = aggregateGrid(grid, list);
        const scores = list.map((r) => scoreGrid(grid, r.answers));
        const check = (actual: ReturnType<typeof summarize>, values: (number | null)[]) => {
          const expected = summarize(values.filter((v): v is number => v !== null));
          if (expected === null) return expect(actual).toBeNull();
          for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
            expect(actual?.[key], key).toBeCloseTo(expected[key], 8);
          }
        };
        aggregate.dimensions.forEach((d, index) =>
          check(
            d.stats,
            scores.map((s) => s.dimensions[index]?.score ?? null),
          ),
        );
        aggregate.items.forEach((item, index) =>
          check(
            item.stats,
            scores.map((s) => s.items[index]?.score ?? null),
          ),
        );
      }),
    );
  });
});
