import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { CampaignExport } from '@/features/workshop/exports/campaign-export';
import { makeI18n } from '../make-i18n';
import { DIAGNOSTIC, GRID } from './workshop-diagnostic';

/** The files the page saved: name and text. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = (blob: Blob) => {
    last = blob;
    return 'blob:test';
  };
  URL.revokeObjectURL = () => {};
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (last) saved.push({ name: this.download, blob: last });
  });
  return { saved, restore: () => click.mockRestore() };
}

const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

describe('CampaignExport', () => {
  it.each(['fr', 'en'] as const)('saves the .lss and the codebook (%s)', async (lang) => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    const i18n = await makeI18n(lang);
    render(
      <I18nextProvider i18n={i18n}>
        <CampaignExport diagnostic={DIAGNOSTIC} grids={[GRID.grid]} lang={lang} />
      </I18nextProvider>,
    );
    const names =
      lang === 'fr'
        ? ['Exporter l’enquête LimeSurvey (.lss)', 'Exporter la liste des codes (CSV)']
        : ['Export the LimeSurvey survey (.lss)', 'Export the code list (CSV)'];
    await user.click(screen.getByRole('button', { name: names[0] }));
    await user.click(screen.getByRole('button', { name: names[1] }));
    downloads.restore();
    expect(downloads.saved.map((d) => d.name)).toEqual([
      'atelier-limesurvey.lss',
      'atelier-codebook.csv',
    ]);
    const lss = await textOf(downloads.saved[0]!.blob);
    expect(lss).toContain('<LimeSurveyDocType>Survey</LimeSurveyDocType>');
    expect(lss).toContain('Ce questionnaire est anonyme');
    expect(lss).toContain('This questionnaire is anonymous');
    const codebook = await textOf(downloads.saved[1]!.blob);
    expect(codebook.split('\r\n')[0]).toBe(
      lang === 'fr'
        ? 'code;grid;dimension;item;text_fr;text_en;scale;answer_codes;asked_of'
        : 'code,grid,dimension,item,text_fr,text_en,scale,answer_codes,asked_of',
    );
    expect(
      screen.getByText(
        lang === 'fr'
          ? 'Fichier « atelier-codebook.csv » enregistré dans vos téléchargements.'
          : 'File “atelier-codebook.csv” saved to your downloads.',
      ),
    ).toBeInTheDocument();
  });
});
