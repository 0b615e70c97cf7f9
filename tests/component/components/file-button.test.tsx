import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { FileButton, FileRefused } from '@/components/file-button';
import { makeI18n } from '../make-i18n';

describe('FileButton', () => {
  it('opens the hidden picker from the button, hands over the file, and sees the same file twice', async () => {
    const files: string[] = [];
    render(
      <FileButton accept=".json" testId="picker" onFile={(f) => files.push(f.name)}>
        Choisir
      </FileButton>,
    );
    const input = screen.getByTestId<HTMLInputElement>('picker');
    expect(input.hidden).toBe(true);
    expect(input.accept).toBe('.json');
    const clicked = vi.fn();
    input.addEventListener('click', clicked);
    await userEvent.click(screen.getByRole('button', { name: 'Choisir' }));
    expect(clicked).toHaveBeenCalledTimes(1);

    const file = new File(['{}'], 'a.json', { type: 'application/json' });
    await userEvent.upload(input, file);
    expect(input.value).toBe('');
    await userEvent.upload(input, file);
    expect(files).toEqual(['a.json', 'a.json']);
    expect(input.multiple).toBe(false);
  });

  it('hands over every chosen file at once when several are allowed, and nothing for an empty choice', async () => {
    const batches: string[][] = [];
    render(
      <FileButton
        multiple
        accept="image/*"
        testId="photos"
        onFiles={(chosen) => batches.push(chosen.map((f) => f.name))}
      >
        Photos
      </FileButton>,
    );
    const input = screen.getByTestId<HTMLInputElement>('photos');
    expect(input.multiple).toBe(true);
    await userEvent.upload(input, [
      new File(['1'], 'a.png', { type: 'image/png' }),
      new File(['2'], 'b.png', { type: 'image/png' }),
    ]);
    await userEvent.upload(input, []);
    expect(batches).toEqual([['a.png', 'b.png']]);
    expect(input.value).toBe('');
  });
});

describe('FileRefused', () => {
  it('says why and that nothing changed, in each language; nothing when there is no message', async () => {
    const fr = await makeI18n('fr');
    const { container, rerender } = render(
      <I18nextProvider i18n={fr}>
        <FileRefused message="" />
      </I18nextProvider>,
    );
    expect(container).toBeEmptyDOMElement();
    rerender(
      <I18nextProvider i18n={fr}>
        <FileRefused message="Fichier illisible" />
      </I18nextProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Fichier illisible');
    // It takes the focus, so it comes into view even below the fold.
    expect(alert).toHaveFocus();
    expect(alert).toHaveTextContent(fr.t('files:nothingChanged'));
    const en = await makeI18n('en');
    rerender(
      <I18nextProvider i18n={en}>
        <FileRefused message="Unreadable" />
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(en.t('files:nothingChanged'));
    expect(en.t('files:nothingChanged')).not.toBe(fr.t('files:nothingChanged'));
  });
});
