import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers, AnswerValue } from '@/domain/answers/answers';
import { ROLES } from '@/domain/answers/roles';
import {
  evaluateAppliesWhen,
  SECTORS,
  type AppliesWhen,
  type RoutingContext,
} from '@/domain/context/applies-when';
import { routeGrid } from '@/domain/context/route-grid';
import { routingContextOf } from '@/domain/context/context-of';
import {
  PROJECT_KINDS,
  PROJECT_PHASES,
  SIZE_BANDS,
  type Diagnostic,
} from '@/domain/diagnostic/diagnostic';
import {
  addRespondent,
  createDiagnostic,
  setAnswer,
  setContext,
} from '@/domain/diagnostic/operations';
import type { Grid } from '@/domain/grid/schema';
import { contextFromScore } from '../../../fixtures/context-from-score';
import { recommend } from '@/domain/recommend/recommend';
import { scoreGrid } from '@/domain/scoring/score-grid';
import { makeDimension, makeGrid, makeItem } from '../../../fixtures/make-grid';

const subset = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });

const appliesWhen: fc.Arbitrary<AppliesWhen | undefined> = fc.option(
  fc.record(
    {
      projectKinds: subset(PROJECT_KINDS),
      phases: subset(PROJECT_PHASES),
      sizeBands: subset(SIZE_BANDS),
      cse: fc.boolean(),
      unionDelegates: fc.boolean(),
      sectors: subset(SECTORS),
      roles: subset(ROLES),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const known = <T>(values: readonly T[]) => fc.constantFrom<T | 'unknown'>(...values, 'unknown');
const yesNo = fc.constantFrom<'yes' | 'no' | 'unknown'>('yes', 'no', 'unknown');

const context: fc.Arbitrary<RoutingContext> = fc.record({
  projectKinds: fc.uniqueArray(fc.constantFrom(...PROJECT_KINDS), { maxLength: 3 }),
  phase: known(PROJECT_PHASES),
  size: known(SIZE_BANDS),
  cse: yesNo,
  unionDelegates: yesNo,
  sector: known(SECTORS),
});

const gridArbitrary: fc.Arbitrary<Grid> = fc
  .record({
    dimensions: fc.array(
      fc.record({
        when: appliesWhen,
        items: fc.array(appliesWhen, { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    recommendations: fc.array(appliesWhen, { maxLength: 3 }),
  })
  .map(({ dimensions, recommendations }) =>
    makeGrid({
      schemaVersion: 2,
      dimensions: dimensions.map((dimension, d) =>
        makeDimension(
          `d${d}`,
          dimension.items.map((when, i) => makeItem(`d${d}-i${i}`, { appliesWhen: when })),
          { appliesWhen: dimension.when },
        ),
      ),
      recommendations: recommendations.map((when, r) => ({
        id: `rec-${r}`,
        title: { fr: 'r', en: 'r' },
        body: { fr: 'b', en: 'b' },
        actions: [{ fr: 'a', en: 'a' }],
        audiences: ['company'],
        priority: 'medium',
        // Fires on any scored figure, so only routing can keep it from firing.
        condition: {
          type: 'any',
          conditions: dimensions.map((_, d) => ({
            type: 'dimension',
            dimension: `d${d}`,
            op: 'atLeast',
            value: 0,
          })),
        },
        appliesWhen: when,
      })),
    }),
  );

const answerValue: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.constantFrom(1, 2, 3, 4, 5),
  fc.constantFrom<AnswerValue>('dk', 'na'),
);

function answersFor(grid: Grid): fc.Arbitrary<Answers> {
  const ids = grid.dimensions.flatMap((d) => d.items.map((i) => i.id));
  return fc.tuple(...ids.map(() => fc.option(answerValue, { nil: undefined }))).map((values) => {
    const answers: Answers = {};
    values.forEach((value, i) => {
      if (value !== undefined) answers[ids[i]!] = value;
    });
    return answers;
  });
}

const role = fc.option(fc.constantFrom(...ROLES), { nil: undefined });

describe('routeGrid (properties)', () => {
  it('an item that does not apply is never shown, asked or scored; what applies is kept', () => {
    fc.assert(
      fc.property(
        gridArbitrary.chain((grid) => fc.tuple(fc.constant(grid), answersFor(grid), context, role)),
        ([grid, answers, ctx, who]) => {
          const routed = routeGrid(grid, ctx, who);
          const asked = new Set(routed.grid.dimensions.flatMap((d) => d.items.map((i) => i.id)));
          const leftOut = new Set(routed.leftOut.map((entry) => entry.id));
          for (const dimension of grid.dimensions) {
            const dimensionApplies = evaluateAppliesWhen(dimension.appliesWhen, ctx, who).applies;
            for (const item of dimension.items) {
              const applies =
                dimensionApplies && evaluateAppliesWhen(item.appliesWhen, ctx, who).applies;
              expect(asked.has(item.id)).toBe(applies);
              // Not asked: left out itself, or with its whole dimension.
              if (!applies) expect(leftOut.has(item.id) || leftOut.has(dimension.id)).toBe(true);
            }
          }
          // Never scored: answers to left-out items change nothing.
          const onlyAsked: Answers = Object.fromEntries(
            Object.entries(answers).filter(([id]) => asked.has(id)),
          );
          const scored = scoreGrid(routed.grid, answers);
          expect(scored).toEqual(scoreGrid(routed.grid, onlyAsked));
          for (const dimension of scored.dimensions) {
            expect(dimension.answered + dimension.dk + dimension.na + dimension.missing).toBe(
              dimension.total,
            );
          }
          expect(scored.items.every((item) => asked.has(item.itemId))).toBe(true);
          // A recommendation that does not apply never fires.
          const fired = recommend(routed.grid, contextFromScore(routed.grid, scored, answers));
          for (const result of fired) {
            expect(evaluateAppliesWhen(result.recommendation.appliesWhen, ctx).applies).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('changing the context and back keeps every answer and asks the same questions again', () => {
    fc.assert(
      fc.property(
        gridArbitrary.chain((grid) =>
          fc.tuple(fc.constant(grid), answersFor(grid), context, context),
        ),
        ([grid, answers, first, second]) => {
          let diagnostic: Diagnostic = createDiagnostic(
            {
              title: 't',
              purpose: 'upstream',
              project: { name: '', kind: 'other' },
              context: first,
              grids: [{ grid, hash: '0'.repeat(64) }],
            },
            { id: 'd', now: 't0' },
          );
          diagnostic = addRespondent(diagnostic, { id: 'r', role: 'employee' }, 't0');
          for (const [itemId, value] of Object.entries(answers))
            diagnostic = setAnswer(
              diagnostic,
              { respondentId: 'r', gridId: grid.id, itemId },
              value,
              't0',
            );
          const before = routeGrid(grid, routingContextOf(diagnostic), 'employee');
          const away = setContext(diagnostic, second, 't1');
          expect(away.respondents).toEqual(diagnostic.respondents);
          const back = setContext(away, first, 't2');
          expect(back.respondents[0]!.answers).toEqual(diagnostic.respondents[0]!.answers);
          expect(routingContextOf(back)).toEqual(first);
          const again = routeGrid(grid, routingContextOf(back), 'employee');
          expect(again).toEqual(before);
          expect(scoreGrid(again.grid, back.respondents[0]!.answers[grid.id] ?? {})).toEqual(
            scoreGrid(before.grid, answers),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
