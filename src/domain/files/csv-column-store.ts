/**
 * A large survey export kept compactly (a campaign: 100,000 rows × 150 columns): each column holds
 * its distinct texts once and, per row, the index of its text in a typed array — a survey column
 * has a handful of distinct answers, so 15 million cells take about 2 bytes each instead of a
 * string and an array slot. Rows are filled as the file is parsed, chunk by chunk, and read back
 * one at a time (`CsvRowSource`). Pure.
 */
import type { CsvRowSource } from './csv-import';

class Column {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];
  codes: Uint16Array | Uint32Array = new Uint16Array(1024);

  set(row: number, text: string): void {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.index.set(text, code);
      if (code > 0xffff && this.codes instanceof Uint16Array) {
        const wider = new Uint32Array(this.codes.length);
        wider.set(this.codes);
        this.codes = wider;
      }
    }
    if (row >= this.codes.length) {
      const grown = new (this.codes.constructor as Uint32ArrayConstructor)(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[row] = code;
  }

  get(row: number): string {
    return this.texts[this.codes[row] ?? 0] ?? '';
  }
}

export class CsvColumnStore implements CsvRowSource {
  readonly header: string[];
  private readonly columns: Column[];
  rowCount = 0;

  constructor(header: readonly string[]) {
    this.header = [...header];
    // Every column starts with the empty text as code 0 (a missing cell reads as empty).
    this.columns = this.header.map(() => {
      const column = new Column();
      column.set(0, '');
      return column;
    });
  }

  /** Adds a row; cells beyond the header are dropped, missing ones are empty. */
  add(cells: readonly string[]): void {
    const row = this.rowCount;
    const { columns } = this;
    for (let c = 0; c < columns.length; c += 1) (columns[c] as Column).set(row, cells[c] ?? '');
    this.rowCount += 1;
  }

  row(index: number): string[] {
    return this.columns.map((column) => column.get(index));
  }

  /**
   * Column `c` as it is kept: its distinct texts and, per row, the index of its text (rows past
   * `rowCount` are not cells). Reading a column through it reads each distinct text once.
   */
  column(c: number): { texts: readonly string[]; codes: ArrayLike<number> } | undefined {
    const column = this.columns[c];
    return column && { texts: column.texts, codes: column.codes };
  }
}
