/**
 * Splits a CSV into cells off the main thread, so a large survey export does not freeze the page.
 * Message in: the CSV text. Message out: `{ rows }` (arrays of cells) or `{ error }`.
 */
import Papa from 'papaparse';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (event) => {
  try {
    const result = Papa.parse<string[]>(event.data, { skipEmptyLines: 'greedy' });
    scope.postMessage({ rows: result.data });
  } catch (error) {
    scope.postMessage({ error: String(error) });
  }
};
