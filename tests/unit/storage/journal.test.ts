import { applyJournal, clearJournal, writeJournal } from '@/storage/journal';
import type { Diagnostic } from '@/domain/diagnostic/diagnostic';

class MemoryStorage {
  private data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const base: Diagnostic = {
  format: 'qvt-numerique/diagnostic',
  formatVersion: 1,
  id: 'd1',
  title: 'Test',
  purpose: 'upstream',
  project: { name: '', kind: 'other', phase: 'idea' },
  grids: [{ id: 'g', version: '1.0.0', hash: 'a'.repeat(64), grid: {} }],
  respondents: [],
  actionPlan: [],
  anonymityThreshold: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const newer: Diagnostic = {
  ...base,
  updatedAt: '2026-01-01T00:00:05.000Z',
  respondents: [
    {
      id: 'r1',
      role: 'employee',
      answers: { g: { i1: 3 } },
      comments: {},
      createdAt: '2026-01-01T00:00:01.000Z',
      updatedAt: '2026-01-01T00:00:05.000Z',
    },
  ],
  currentRespondentId: 'r1',
};

describe('the pagehide journal', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', new MemoryStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('should restore answers written at pagehide when the stored record is older', () => {
    writeJournal(newer);
    const { diagnostic, applied } = applyJournal(base);
    expect(applied).toBe(true);
    expect(diagnostic.respondents[0]?.answers.g?.i1).toBe(3);
    expect(diagnostic.currentRespondentId).toBe('r1');
    expect(diagnostic.grids).toBe(base.grids);
  });

  it('should restore the deployment kit’s situations and pilot typed before pagehide', () => {
    const deployment = {
      situations: [
        {
          id: 's1',
          title: 'Relais',
          today: 'Cahier',
          withTool: 'Outil',
          requirement: 'Hors ligne',
        },
      ],
      pilot: { scope: 'Équipe A', duration: '3 mois', criteria: '', t0: '2027-01-10', t1: '' },
    };
    writeJournal({ ...newer, deployment });
    const { diagnostic, applied } = applyJournal(base);
    expect(applied).toBe(true);
    expect(diagnostic.deployment).toEqual(deployment);
  });

  it('should ignore and drop a journal older than the stored record', () => {
    writeJournal(base);
    const { diagnostic, applied } = applyJournal(newer);
    expect(applied).toBe(false);
    expect(diagnostic).toBe(newer);
    expect(localStorage.getItem('qvt:journal:d1')).toBeNull();
  });

  it('should drop a corrupt journal without throwing', () => {
    localStorage.setItem('qvt:journal:d1', '{"id":"d1","respondents":"nope"');
    expect(applyJournal(base).applied).toBe(false);
    localStorage.setItem(
      'qvt:journal:d1',
      JSON.stringify({ id: 'd1', updatedAt: 'z', respondents: [{}] }),
    );
    expect(applyJournal(base).applied).toBe(false);
    expect(localStorage.getItem('qvt:journal:d1')).toBeNull();
  });

  it('should never throw when localStorage refuses', () => {
    vi.stubGlobal('localStorage', {
      getItem() {
        throw new Error('blocked');
      },
      setItem() {
        throw new Error('blocked');
      },
      removeItem() {
        throw new Error('blocked');
      },
    });
    expect(() => writeJournal(newer)).not.toThrow();
    expect(() => clearJournal('d1')).not.toThrow();
    expect(applyJournal(base)).toEqual({ diagnostic: base, applied: false });
  });
});
