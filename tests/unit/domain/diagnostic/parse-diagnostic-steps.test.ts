/**
 * The stored diagnostic is parsed in steps (a large one froze the page) and must answer exactly
 * what parsing the whole record answers: the same data, or the same issues, in the same order, with
 * the same paths and messages (a set-aside record's detail is made of them).
 */
import '@/domain/zod-messages';
import fc from 'fast-check';
import { Diagnostic, parseDiagnosticSteps } from '@/domain/diagnostic/diagnostic';
import { mutatedJson } from '../../../fixtures/fuzz';
import { diagnosticWith } from '../../../fixtures/stored-diagnostics';

/** Runs the steps to the end; the result as `safeParse` gives it, and how many pauses. */
function runSteps(record: unknown) {
  const steps = parseDiagnosticSteps(record);
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { result: step.value, pauses };
    pauses += 1;
  }
}

/** What a parse result says: the data, or the issues (with their messages). */
function outcome(result: ReturnType<typeof Diagnostic.safeParse>) {
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

function expectSameAsWhole(record: unknown) {
  const { result } = runSteps(record);
  expect(outcome(result)).toEqual(outcome(Diagnostic.safeParse(record)));
  return result;
}

/** A copy of a diagnostic (as stored: plain data) with some of its respondents replaced. */
function withRespondents(record: Diagnostic, replaced: Record<number, unknown>): unknown {
  const respondents: unknown[] = [...record.respondents];
  for (const [at, value] of Object.entries(replaced)) respondents[Number(at)] = value;
  return { ...record, respondents };
}

describe('parseDiagnosticSteps', () => {
  it('gives the whole parse’s data, pausing after each respondent', () => {
    const record = diagnosticWith('d', 1200);
    const { result, pauses } = runSteps(record);
    expect(result).toEqual({ success: true, data: record });
    expect(pauses).toBe(1200);
    expectSameAsWhole(record);
    // Unknown keys are dropped, in the record and in its respondents, as zod does.
    const extra = withRespondents({ ...record, extra: 1 } as Diagnostic, {
      3: { ...record.respondents[3], extra: 2 },
    });
    expect(expectSameAsWhole(extra)).toEqual({ success: true, data: record });
  });

  it('says where a respondent deep in the list is wrong, as the whole parse does', () => {
    const record = diagnosticWith('d', 8000);
    const broken = withRespondents(record, {
      7345: { ...record.respondents[7345], role: 'boss' },
    });
    const result = expectSameAsWhole(broken);
    expect(!result.success && result.error.issues.map((i) => i.path)).toEqual([
      ['respondents', 7345, 'role'],
    ]);
  });

  it('keeps the whole parse’s order when the record and several respondents are wrong', () => {
    const record = diagnosticWith('d', 40);
    const broken = withRespondents(
      // Keys before `respondents` (title), and after it (actionPlan, anonymityThreshold).
      { ...record, title: '', actionPlan: [{}], anonymityThreshold: 1 } as unknown as Diagnostic,
      {
        2: { ...record.respondents[2], id: '' },
        17: 'not a respondent',
        39: { ...record.respondents[39], answers: { 'test-grid': { a1: 'maybe' } }, role: 'x' },
      },
    );
    const result = expectSameAsWhole(broken);
    const paths = !result.success && result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual([
      'title',
      'respondents.2.id',
      'respondents.17',
      'respondents.39.role',
      'respondents.39.answers.test-grid.a1',
      'actionPlan.0.id',
      'actionPlan.0.title',
      'actionPlan.0.owner',
      'actionPlan.0.deadline',
      'actionPlan.0.status',
      'actionPlan.0.indicator',
      'anonymityThreshold',
    ]);
    // The messages are zod's English ones, not a bare "Invalid input".
    expect(!result.success && result.error.issues[3]?.message).toMatch(/expected one of/);
  });

  it('answers as the whole parse for what is not a record with a list of respondents', () => {
    const record = diagnosticWith('d', 3);
    const array = Object.assign([1, 2], { respondents: [] });
    const sparse: unknown[] = [...record.respondents];
    sparse[6] = record.respondents[0];
    for (const input of [
      null,
      undefined,
      'text',
      42,
      [],
      array,
      {},
      { ...record, respondents: 'none' },
      { ...record, respondents: undefined },
      { ...record, respondents: [] },
      { ...record, respondents: sparse },
    ])
      expectSameAsWhole(input);
  });

  it('matches the whole parse on any mutation of a stored diagnostic (property)', () => {
    const valid = diagnosticWith('d', 4);
    fc.assert(
      fc.property(mutatedJson(valid), (text) => {
        expectSameAsWhole(JSON.parse(text));
      }),
    );
    // Most of a record's paths are in its grid copy: mutate the respondents alone too.
    fc.assert(
      fc.property(mutatedJson(valid.respondents), (text) => {
        expectSameAsWhole({ ...valid, respondents: JSON.parse(text) as unknown });
      }),
    );
  });
});
