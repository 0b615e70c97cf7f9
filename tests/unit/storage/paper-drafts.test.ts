import {
  clearPaperDraft,
  readPaperDraft,
  writePaperDraft,
  type PaperDraft,
} from '@/storage/paper-drafts';
import { deleteDiagnostic } from '@/storage/diagnostics-store';

/** A localStorage stand-in (Node has none). */
function fakeLocalStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const DRAFT: PaperDraft = {
  version: 1,
  code: '7K2Q9XM6',
  role: 'employee',
  replace: false,
  phase: 'typing',
  at: 'social-dialogue.sd-info-2',
  typed: [
    { key: 'social-dialogue.sd-info-1', value: 3 },
    { key: 'social-dialogue.sd-info-1b', value: null },
    { key: 'social-dialogue.sd-info-1c', value: 'dk' },
  ],
};

describe('paper drafts', () => {
  beforeEach(() => vi.stubGlobal('localStorage', fakeLocalStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps one draft per diagnostic, reads it back, and forgets it', () => {
    expect(readPaperDraft('d1')).toBeNull();
    expect(writePaperDraft('d1', DRAFT)).toBe(true);
    expect(writePaperDraft('d2', { ...DRAFT, code: 'ABCD2345', phase: 'summary' })).toBe(true);
    expect(readPaperDraft('d1')).toEqual(DRAFT);
    expect(readPaperDraft('d2')?.phase).toBe('summary');
    clearPaperDraft('d1');
    expect(readPaperDraft('d1')).toBeNull();
    expect(readPaperDraft('d2')?.code).toBe('ABCD2345');
    // Stored with the app's other preferences, so « delete all my data » removes it.
    expect(localStorage.key(0)).toBe('qvt:paper-draft:d2');
  });

  it('ignores a damaged draft or one of another shape, and leaves it for nothing else', () => {
    localStorage.setItem('qvt:paper-draft:d1', '{not json');
    expect(readPaperDraft('d1')).toBeNull();
    localStorage.setItem('qvt:paper-draft:d1', JSON.stringify({ ...DRAFT, role: 'boss' }));
    expect(readPaperDraft('d1')).toBeNull();
    localStorage.setItem('qvt:paper-draft:d1', JSON.stringify({ ...DRAFT, version: 2 }));
    expect(readPaperDraft('d1')).toBeNull();
    localStorage.setItem(
      'qvt:paper-draft:d1',
      JSON.stringify({ ...DRAFT, typed: [{ key: 'a', value: 'maybe' }] }),
    );
    expect(readPaperDraft('d1')).toBeNull();
  });

  it('never throws when storage is blocked', () => {
    const blocked = fakeLocalStorage();
    const refuse = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    blocked.getItem = refuse;
    blocked.setItem = refuse;
    blocked.removeItem = refuse;
    vi.stubGlobal('localStorage', blocked);
    expect(writePaperDraft('d1', DRAFT)).toBe(false);
    expect(readPaperDraft('d1')).toBeNull();
    expect(() => clearPaperDraft('d1')).not.toThrow();
  });

  it('goes with its diagnostic when the diagnostic is deleted, and only with it', async () => {
    writePaperDraft('d-1', DRAFT);
    writePaperDraft('d-2', DRAFT);
    expect(await deleteDiagnostic('d-1')).toEqual({ ok: true });
    expect(readPaperDraft('d-1')).toBeNull();
    expect(readPaperDraft('d-2')).toEqual(DRAFT);
  });
});
