import i18next, { type TFunction } from 'i18next';
import type { FileWarning } from '@/domain/files/response-import-plan';
import { frenchTypography } from '@/domain/text/french-typography';
import { en } from '@/i18n/resources-en';
import { fr } from '@/i18n/resources-fr';
import {
  GROUP_FILES_SHOWN,
  groupWarnings,
  warningGroupMessage,
} from '@/features/workshop/import/messages';

async function translator(lng: 'fr' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, fallbackLng: 'fr', resources: { fr, en } });
  return instance.getFixedT(lng, ['workshop']) as unknown as TFunction<['workshop']>;
}

const other = (title: string): FileWarning => ({ code: 'otherDiagnostic', title });
const files = (n: number, warnings: FileWarning[]) =>
  Array.from({ length: n }, (_, i) => ({ name: `p-${i + 1}.json`, warnings }));

describe('groupWarnings: one remark for the files it is about', () => {
  it('puts identical remarks together, in the order they first appear', () => {
    const groups = groupWarnings([
      { name: 'a.json', warnings: [other('Atelier A')] },
      { name: 'b.json', warnings: [other('Atelier B'), { code: 'diagnosticFile' }] },
      { name: 'c.json', warnings: [other('Atelier A')] },
      { name: 'd.json', warnings: [{ code: 'ignoredGrids', gridIds: ['skills'] }] },
      { name: 'e.json', warnings: [{ code: 'ignoredGrids', gridIds: ['uses'] }] },
    ]);
    expect(groups.map((g) => [g.warning, g.files])).toEqual([
      [other('Atelier A'), ['a.json', 'c.json']],
      [other('Atelier B'), ['b.json']],
      [{ code: 'diagnosticFile' }, ['b.json']],
      [{ code: 'ignoredGrids', gridIds: ['skills'] }, ['d.json']],
      [{ code: 'ignoredGrids', gridIds: ['uses'] }, ['e.json']],
    ]);
  });

  it('gives nothing for files without remarks', () => {
    expect(groupWarnings(files(3, []))).toEqual([]);
  });
});

describe('warningGroupMessage', () => {
  it('says a single file’s remark as before', async () => {
    const t = await translator('fr');
    const [group] = groupWarnings(files(1, [other('Atelier')]));
    expect(warningGroupMessage(t, group!)).toBe(
      frenchTypography(
        '« p-1.json » vient d’un autre diagnostic (« Atelier ») qui utilise les mêmes grilles.',
      ),
    );
  });

  it('counts the files and names the first ones, in French and English', async () => {
    const [group] = groupWarnings(files(1000, [other('Atelier')]));
    const frText = warningGroupMessage(await translator('fr'), group!);
    expect(frText).toBe(
      frenchTypography(
        '1000 fichiers viennent d’un autre diagnostic (« Atelier ») qui utilise les mêmes grilles : ' +
          '« p-1.json », « p-2.json », « p-3.json », « p-4.json », « p-5.json » et 995 autres.',
      ),
    );
    const enText = warningGroupMessage(await translator('en'), group!);
    expect(enText).toContain('1000 files come from another diagnostic (“Atelier”)');
    expect(enText).toContain('“p-5.json” and 995 more.');
    expect(enText).not.toContain('p-6.json');
  });

  it('lists every file when there are few, and words each kind of remark', async () => {
    const t = await translator('fr');
    const few = groupWarnings(files(GROUP_FILES_SHOWN, [{ code: 'diagnosticFile' }]));
    expect(warningGroupMessage(t, few[0]!)).toBe(
      frenchTypography(
        '5 fichiers sont des diagnostics complets ; leurs répondants sont importés, sans pseudonyme : ' +
          '« p-1.json », « p-2.json », « p-3.json », « p-4.json », « p-5.json ».',
      ),
    );
    const grids = groupWarnings(files(2, [{ code: 'ignoredGrids', gridIds: ['skills', 'uses'] }]));
    expect(warningGroupMessage(t, grids[0]!)).toContain(
      frenchTypography('(skills, uses) : « p-1.json », « p-2.json »'),
    );
    const six = groupWarnings(files(6, [{ code: 'diagnosticFile' }]));
    expect(warningGroupMessage(t, six[0]!)).toMatch(/«\u00a0p-5\.json\u00a0» et 1 autre\.$/);
  });
});

describe('another diagnostic whose title is not known (a QR code carries no title)', () => {
  it('says it is not on this device, without a title, in French and English', async () => {
    const [one] = groupWarnings(files(1, [other('')]));
    expect(warningGroupMessage(await translator('fr'), one!)).toBe(
      frenchTypography(
        '« p-1.json » vient d’un autre diagnostic, absent de cet appareil, qui utilise les mêmes grilles.',
      ),
    );
    const [many] = groupWarnings(files(2, [other('')]));
    expect(warningGroupMessage(await translator('en'), many!)).toBe(
      '2 files come from another diagnostic, not on this device, that uses the same grids: “p-1.json”, “p-2.json”.',
    );
  });
});
