/**
 * Splits a large survey CSV and checks its column mappings off the main thread, so the page
 * stays responsive: the rows stay here between messages (csv-worker-protocol.ts).
 */
import { createCsvWorkerHandler, type CsvWorkerRequest } from './csv-worker-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CsvWorkerRequest>) => void) | null;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
};

const handle = createCsvWorkerHandler((message, transfer) =>
  scope.postMessage(message, transfer ?? []),
);
scope.onmessage = (event) => handle(event.data);
