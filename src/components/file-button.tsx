import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FileButtonProps = {
  children: ReactNode;
  accept: string;
  className?: string;
  /** For tests, which hand files to the hidden input directly. */
  testId?: string;
} & (
  | { multiple?: false; onFile: (file: File) => void }
  | { multiple: true; onFiles: (files: File[]) => void }
);

/**
 * A button that opens the file picker, for one file (`onFile`) or several (`multiple`,
 * `onFiles`). The native input stays hidden (its look cannot be styled or translated); the
 * button is what keyboard and screen-reader users reach. The input is emptied after each
 * choice, so choosing the same file again is seen; a cancelled picker calls nothing.
 */
export function FileButton({ children, accept, className, testId, ...choice }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className ?? 'button'}
        onClick={() => input.current?.click()}
      >
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={choice.multiple}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length === 0) return;
          if (choice.multiple) choice.onFiles(files);
          else choice.onFile(files[0]!);
        }}
      />
    </>
  );
}

/**
 * Why a file was refused, and the promise that nothing on the device changed. It takes the
 * focus when it appears (and so comes into view): below the fold, an alert alone goes unseen.
 */
export function FileRefused({ message }: { message: string }) {
  const { t } = useTranslation('files');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) box.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={box}>
      <p>{message}</p>
      <p>{t('nothingChanged')}</p>
    </div>
  );
}
