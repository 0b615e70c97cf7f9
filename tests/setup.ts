import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import fc from 'fast-check';

// Property tests draw new cases on every run. `FC_NUM_RUNS=2000 npx vitest run` draws many more,
// to find a rare counterexample here rather than in CI.
const numRuns = Number(process.env.FC_NUM_RUNS);
if (Number.isInteger(numRuns) && numRuns > 0) fc.configureGlobal({ numRuns });
