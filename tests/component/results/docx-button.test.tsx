import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { makeReportModel } from '../../fixtures/report-model';
import { makeI18n } from '../make-i18n';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** DocxButton with the renderer, the report texts and the download faked. */
async function setUp(lang: 'fr' | 'en', fail = false) {
  vi.resetModules();
  const rendererLoaded = vi.fn();
  const renderReportDocx = vi.fn(() =>
    fail
      ? Promise.reject(new Error('canvas refused'))
      : Promise.resolve({ blob: new Blob(['PK']), fileName: 'rapport.docx' }),
  );
  const downloadFile = vi.fn();
  vi.doMock('@/report/render-docx', () => {
    rendererLoaded();
    return { renderReportDocx, DOCX_TYPE: DOCX };
  });
  vi.doMock('@/i18n/i18n', () => ({ loadNamespaces: () => Promise.resolve() }));
  vi.doMock('@/utils/download', () => ({ downloadFile }));
  const { DocxButton } = await import('@/shared/report-download/docx-button');
  const i18n = await makeI18n(lang);
  render(
    <I18nextProvider i18n={i18n}>
      <DocxButton model={makeReportModel({ lang })} />
    </I18nextProvider>,
  );
  return { rendererLoaded, renderReportDocx, downloadFile };
}

describe('DocxButton', () => {
  afterEach(() => {
    vi.doUnmock('@/report/render-docx');
    vi.doUnmock('@/i18n/i18n');
    vi.doUnmock('@/utils/download');
  });

  it('fetches the renderer only when pressed, then downloads the .docx', async () => {
    const s = await setUp('fr');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.rendererLoaded).not.toHaveBeenCalled();
    fireEvent.click(
      screen.getByRole('button', { name: 'Télécharger le rapport modifiable (Word)' }),
    );
    await waitFor(() => expect(s.downloadFile).toHaveBeenCalledTimes(1));
    expect(s.downloadFile).toHaveBeenCalledWith('rapport.docx', expect.any(Blob), DOCX);
    expect(screen.getByRole('status')).toHaveTextContent('Document « rapport.docx » téléchargé.');
  });

  it.each([
    [
      'fr',
      'Télécharger le rapport modifiable (Word)',
      'Le document Word n’a pas pu être fabriqué : canvas refused',
    ],
    [
      'en',
      'Download the editable report (Word)',
      'The Word document could not be made: canvas refused',
    ],
  ] as const)(
    'says in words (%s) why the document could not be made',
    async (lang, name, message) => {
      const s = await setUp(lang, true);
      fireEvent.click(screen.getByRole('button', { name }));
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(message));
      expect(screen.getByRole('status')).toHaveClass('field__error');
      expect(s.downloadFile).not.toHaveBeenCalled();
      expect(screen.getByRole('button', { name })).toBeEnabled();
    },
  );
});
