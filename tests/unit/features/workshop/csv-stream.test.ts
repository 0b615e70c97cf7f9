/**
 * Campaigns: a large CSV is parsed as a stream into a compact column store, and reads
 * back row by row as the whole-text split does (quotes, separators and line breaks in cells,
 * accents across chunk boundaries, a byte-order mark, empty lines).
 */
import { CsvColumnStore } from '@/domain/files/csv-column-store';
import { checkCsvMapping, type ColumnTarget } from '@/domain/files/csv-import';
import {
  splitCsv,
  STREAM_CHUNK_BYTES,
  streamCsv,
} from '@/features/workshop/import/csv-worker-protocol';

describe('CsvColumnStore', () => {
  it('gives back each row as added, missing cells empty, extra cells dropped', () => {
    const store = new CsvColumnStore(['a', 'b', 'c']);
    store.add(['1', 'x', 'é']);
    store.add(['2']);
    store.add(['3', 'x', 'é', 'extra']);
    expect(store.rowCount).toBe(3);
    expect([0, 1, 2].map((r) => store.row(r))).toEqual([
      ['1', 'x', 'é'],
      ['2', '', ''],
      ['3', 'x', 'é'],
    ]);
  });

  it('keeps 70,000 distinct texts in one column (wider codes)', () => {
    const store = new CsvColumnStore(['id']);
    for (let i = 0; i < 70_000; i += 1) store.add([`r${i}`]);
    expect(store.row(0)).toEqual(['r0']);
    expect(store.row(69_999)).toEqual(['r69999']);
    expect(store.row(65_540)).toEqual(['r65540']);
  });
});

describe('streamCsv', () => {
  it('reads a file of several chunks as splitCsv reads its text', async () => {
    const rows: string[] = ['"id";"role";"q[1]";"q[2]"'];
    for (let r = 0, size = 0; size < 2.2 * STREAM_CHUNK_BYTES; r += 1, size += 50)
      rows.push(
        `"${r}";"Salarié·e";"${r % 5}";"${r % 97 === 0 ? 'dit ""oui"";\nsur deux lignes' : 'Plutôt d’accord'}"`,
      );
    const text = `\uFEFF${rows.join('\r\n')}\r\n\r\n`;
    const store = await streamCsv(new Blob([text]));
    const whole = splitCsv(text.slice(1));
    expect(store.header).toEqual(whole.header);
    expect(store.rowCount).toBe(whole.rows.length);
    for (const r of [0, 1, 97, 194, Math.floor(whole.rows.length / 2), whole.rows.length - 1])
      expect(store.row(r)).toEqual(whole.rows[r]);
    const mapping: ColumnTarget[] = [
      { kind: 'responseId' },
      { kind: 'role' },
      { kind: 'ignore' },
      { kind: 'ignore' },
    ];
    const options = {
      grids: [],
      diagnostic: { id: 'd', title: 't' },
      vocabulary: { roles: {}, dontKnow: [], notApplicable: [] },
      exportedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(checkCsvMapping(store, mapping, options)).toEqual(
      checkCsvMapping(whole, mapping, options),
    );
  }, 60_000);
});
