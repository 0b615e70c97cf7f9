import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { encodeQrPayload } from '@/domain/files/qr-payload';
import type { ResponseFileInput } from '@/domain/files/response-import-plan';
import { makeI18n } from '../make-i18n';
import { QrReader } from '@/features/workshop/import/qr-reader';
import { DIAGNOSTIC, GRID } from './workshop-diagnostic';

// Photos are "read" by a stand-in for jsqr: the file's own text is the code found in it.
vi.mock('@/features/workshop/import/qr-scan', () => ({
  scanImageFile: async (file: Blob) => {
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(file);
    });
    return text === '' ? { ok: false, reason: 'noCode' } : { ok: true, text };
  },
  scanVideoFrame: () => null,
}));

async function renderReader(lang: 'fr' | 'en' = 'fr') {
  const i18n = await makeI18n(lang);
  const added: ResponseFileInput[] = [];
  render(
    <I18nextProvider i18n={i18n}>
      <QrReader diagnostic={DIAGNOSTIC} grids={[GRID]} onAdd={(input) => added.push(input)} />
    </I18nextProvider>,
  );
  return added;
}

function setMediaDevices(value: unknown) {
  Object.defineProperty(navigator, 'mediaDevices', { value, configurable: true });
}

afterEach(() => {
  setMediaDevices(undefined);
});

describe('QrReader, camera', () => {
  it('says the camera was refused, and adds nothing', async () => {
    const getUserMedia = vi
      .fn()
      .mockRejectedValue(new DOMException('Permission denied', 'NotAllowedError'));
    setMediaDevices({ getUserMedia });
    const added = await renderReader();
    await userEvent.click(screen.getByRole('button', { name: 'Lire avec la caméra' }));
    const alert = await screen.findByText(/L’accès à la caméra a été refusé/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('rien n’a été modifié');
    expect(getUserMedia).toHaveBeenCalledWith({
      video: { facingMode: 'environment' },
      audio: false,
    });
    // The camera button is back, ready for another try; nothing joined the batch.
    expect(screen.getByRole('button', { name: 'Lire avec la caméra' })).toBeVisible();
    expect(added).toEqual([]);
  });

  it('says when the device has no camera (no getUserMedia, or none found)', async () => {
    setMediaDevices(undefined);
    await renderReader('en');
    await userEvent.click(screen.getByRole('button', { name: 'Read with the camera' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No camera is available on this device.',
    );

    setMediaDevices({
      getUserMedia: vi.fn().mockRejectedValue(new DOMException('none', 'NotFoundError')),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Read with the camera' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No camera is available on this device.',
    );
  });

  it('says when the camera cannot be opened for another reason', async () => {
    setMediaDevices({
      getUserMedia: vi.fn().mockRejectedValue(new DOMException('busy', 'NotReadableError')),
    });
    await renderReader();
    await userEvent.click(screen.getByRole('button', { name: 'Lire avec la caméra' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La caméra n’a pas pu être ouverte.',
    );
  });
});

describe('QrReader, photos', () => {
  const encoded = encodeQrPayload(
    {
      diagnosticId: 'd1',
      grids: [{ id: GRID.grid.id, version: GRID.grid.version, hash: GRID.hash, grid: GRID.grid }],
      respondent: {
        id: 'r-qr',
        role: 'manager',
        answers: { [GRID.grid.id]: { a1: 2 } },
        comments: {},
      },
    },
    { partSize: 20 },
  );
  if (!encoded.ok) throw new Error('encode');
  const photo = (text: string, name: string) => new File([text], name, { type: 'image/png' });

  it('collects the codes in any order, shows progress, then adds the answers to the batch once', async () => {
    expect(encoded.parts.length).toBeGreaterThan(1);
    const added = await renderReader();
    const input = screen.getByTestId('qr-photo-input');
    const [first, ...rest] = [...encoded.parts].reverse();
    await userEvent.upload(input, photo(first!, 'a.png'));
    expect(
      await screen.findByText(`1 code sur ${encoded.parts.length} lu : montrez le code suivant.`),
    ).toBeVisible();
    expect(screen.getByTestId('qr-status')).toContainElement(screen.getByText(/1 code sur \d lu/));
    expect(added).toEqual([]);
    await userEvent.upload(
      input,
      rest.map((text, i) => photo(text, `p${i}.png`)),
    );
    expect(await screen.findByText(/Réponses lues et ajoutées au lot/)).toBeVisible();
    expect(added).toHaveLength(1);
    const result = added[0]!.result;
    expect(result.ok && result.file.respondents[0]).toEqual({
      id: 'r-qr',
      role: 'manager',
      answers: { [GRID.grid.id]: { a1: 2 } },
      comments: {},
    });
    expect(added[0]!.name).toBe(`QR code ${encoded.payloadId}`);
    await userEvent.upload(input, photo(encoded.parts[0]!, 'again.png'));
    expect(await screen.findByText('Ces réponses ont déjà été lues.')).toBeVisible();
    expect(added).toHaveLength(1);
  });

  it('a photo without a code, or a foreign code: a message, nothing added', async () => {
    const added = await renderReader('en');
    const input = screen.getByTestId('qr-photo-input');
    await userEvent.upload(input, photo('', 'blank.png'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No QR code was found in the image “blank.png”.',
    );
    await userEvent.upload(input, photo('WIFI:S:cafe;;', 'wifi.png'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This QR code is not an answers code of this app.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('nothing was changed');
    expect(added).toEqual([]);
  });

  it('the message on screen follows a change of language', async () => {
    const i18n = await makeI18n('fr');
    render(
      <I18nextProvider i18n={i18n}>
        <QrReader diagnostic={DIAGNOSTIC} grids={[GRID]} onAdd={() => {}} />
      </I18nextProvider>,
    );
    const input = screen.getByTestId('qr-photo-input');
    await userEvent.upload(input, photo('', 'vide.png'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Aucun QR code n’a été trouvé sur l’image « vide.png ».',
    );
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The code was not read; nothing was changed.No QR code was found in the image “vide.png”.',
    );
    await userEvent.upload(input, photo(encoded.parts[0]!, 'code-1.png'));
    expect(
      await screen.findByText(`1 of ${encoded.parts.length} codes read: show the next code.`),
    ).toBeVisible();
    await act(() => i18n.changeLanguage('fr'));
    expect(screen.getByTestId('qr-status')).toHaveTextContent(
      `1 code sur ${encoded.parts.length} lu : montrez le code suivant.`,
    );
  });
});
