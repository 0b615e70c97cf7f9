import type { FilePlan } from '@/domain/files/response-import-plan';
import {
  FILES_LISTED,
  needsAttention,
  previewFiles,
} from '@/features/workshop/import/preview-files';

const ready = (name: string): FilePlan => ({
  name,
  status: 'ok',
  respondents: 1,
  added: 1,
  skipped: 0,
  warnings: [],
});
const duplicate = (name: string): FilePlan => ({ ...ready(name), added: 0, skipped: 1 });
const refused = (name: string): FilePlan => ({
  ...ready(name),
  status: 'rejected',
  added: 0,
  rejection: { code: 'noCommonGrid', gridIds: ['other'] },
});
const remark = (name: string): FilePlan => ({
  ...ready(name),
  warnings: [{ code: 'otherDiagnostic', title: 'Ailleurs' }],
});

describe('the files listed in the import preview', () => {
  it('lists every file of a small batch, in order', () => {
    const files = Array.from({ length: FILES_LISTED }, (_, i) => ready(`f${i}.json`));
    const shown = previewFiles(files);
    expect(shown.summarised).toBe(false);
    expect(shown.others).toBe(0);
    expect(shown.listed.map((f) => f.file.name)).toEqual(files.map((f) => f.name));
  });

  it('in a large batch, lists refused files and duplicates, and counts the rest', () => {
    const files = Array.from({ length: 1000 }, (_, i) => ready(`f${i}.json`));
    files[3] = refused('bad.json');
    files[500] = duplicate('again.json');
    files[999] = remark('elsewhere.json');
    const shown = previewFiles(files);
    expect(shown.summarised).toBe(true);
    expect(shown.listed).toEqual([
      { file: files[3], index: 3 },
      { file: files[500], index: 500 },
    ]);
    // A remark is listed under its own heading, not as a file to check.
    expect(shown.others).toBe(998);
  });

  it('in a large batch where every file is ready, lists none and counts them all', () => {
    const files = Array.from({ length: FILES_LISTED + 1 }, (_, i) => ready(`f${i}.json`));
    expect(previewFiles(files)).toEqual({ listed: [], others: FILES_LISTED + 1, summarised: true });
  });

  it('says which files need attention', () => {
    expect(needsAttention(ready('a'))).toBe(false);
    expect(needsAttention(duplicate('a'))).toBe(true);
    expect(needsAttention(refused('a'))).toBe(true);
    expect(needsAttention(remark('a'))).toBe(false);
  });
});
