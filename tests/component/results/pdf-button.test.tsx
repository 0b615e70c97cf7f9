import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { makeReportModel } from '../../fixtures/report-model';
import { makeI18n } from '../make-i18n';

type IdleCallback = (deadline: IdleDeadline) => void;

/** PdfButton with a fresh preload state, the renderer, the report texts and the download faked. */
async function setUp() {
  vi.resetModules();
  const rendererLoaded = vi.fn();
  const renderReportPdf = vi.fn(() =>
    Promise.resolve({ blob: new Blob(['%PDF-']), fileName: 'rapport.pdf' }),
  );
  const loadNamespaces = vi.fn(() => Promise.resolve());
  const downloadFile = vi.fn();
  vi.doMock('@/report/render-pdf', () => {
    rendererLoaded();
    return { renderReportPdf };
  });
  vi.doMock('@/i18n/i18n', () => ({ loadNamespaces }));
  vi.doMock('@/utils/download', () => ({ downloadFile }));
  let idle: IdleCallback | undefined;
  const requestIdleCallback = vi.fn((callback: IdleCallback) => {
    idle = callback;
    return 7;
  });
  const cancelIdleCallback = vi.fn();
  vi.stubGlobal('requestIdleCallback', requestIdleCallback);
  vi.stubGlobal('cancelIdleCallback', cancelIdleCallback);
  const { PdfButton } = await import('@/shared/report-download/pdf-button');
  const i18n = await makeI18n('fr');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <PdfButton model={makeReportModel({ lang: 'fr' })} />
    </I18nextProvider>,
  );
  const runIdle = () => idle?.({ didTimeout: false, timeRemaining: () => 50 });
  return {
    view,
    button: screen.getByRole('button', { name: 'Télécharger le rapport PDF' }),
    rendererLoaded,
    renderReportPdf,
    loadNamespaces,
    downloadFile,
    requestIdleCallback,
    cancelIdleCallback,
    runIdle,
  };
}

describe('PdfButton: the renderer is fetched before the click', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.doUnmock('@/report/render-pdf');
    vi.doUnmock('@/i18n/i18n');
    vi.doUnmock('@/utils/download');
  });

  it('should fetch the renderer and the report texts once the page is idle, not before', async () => {
    const s = await setUp();
    // jsdom's document has loaded: the button waits for the next idle period (at most 5 s).
    expect(s.requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 5000 });
    await Promise.resolve();
    expect(s.rendererLoaded).not.toHaveBeenCalled();
    expect(s.loadNamespaces).not.toHaveBeenCalled();
    s.runIdle();
    await waitFor(() => expect(s.rendererLoaded).toHaveBeenCalledTimes(1));
    expect(s.loadNamespaces).toHaveBeenCalledWith(['report']);
  });

  it('should fetch them as soon as the focus or the pointer reaches the button, once', async () => {
    const s = await setUp();
    fireEvent.focus(s.button);
    fireEvent.pointerEnter(s.button);
    s.runIdle();
    await waitFor(() => expect(s.rendererLoaded).toHaveBeenCalledTimes(1));
    expect(s.loadNamespaces).toHaveBeenCalledTimes(1);
  });

  it('should not fetch anything once the button is gone before the page is idle', async () => {
    const s = await setUp();
    s.view.unmount();
    expect(s.cancelIdleCallback).toHaveBeenCalledWith(7);
  });

  it('should build and download the PDF on the click, preloaded or not', async () => {
    const s = await setUp();
    fireEvent.click(s.button);
    await waitFor(() => expect(s.downloadFile).toHaveBeenCalledTimes(1));
    expect(s.downloadFile).toHaveBeenCalledWith('rapport.pdf', expect.any(Blob), 'application/pdf');
    expect(s.renderReportPdf).toHaveBeenCalledTimes(1);
    expect(s.rendererLoaded).toHaveBeenCalledTimes(1);
    // The PDF's status line comes first; the Word document's is below it.
    expect((await screen.findAllByRole('status'))[0]).toHaveTextContent('rapport.pdf');
  });
});
