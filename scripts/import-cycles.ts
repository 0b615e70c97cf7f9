/** Prints the import cycles of src/ (`npm run check:cycles`); see `scripts/import-graph.ts`. */
import { findCycles, importGraph } from './import-graph';

const cycles = findCycles(importGraph(process.cwd()));
for (const cycle of cycles) console.log(`${cycle.join('\n  ↔ ')}\n`);
console.log(`${cycles.length} import cycle(s) in src/.`);
process.exitCode = cycles.length > 0 ? 1 : 0;
