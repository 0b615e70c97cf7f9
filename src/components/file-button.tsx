import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FileButtonProps = {
  children: ReactNode;
  accept: string;
  onFile: (file: File) => void;
  className?: string;
  /** For tests, which hand files to the hidden input directly. */
  testId?: string;
};

/**
 * A button that opens the file picker for one file. The native input stays hidden (its look
 * cannot be styled or translated); the button is what keyboard and screen-reader users reach.
 * The input is emptied after each choice, so choosing the same file again is seen.
 */
export function FileButton({ children, accept, onFile, className, testId }: FileButtonProps) {
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
        hidden
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** Why a file was refused, and the promise that nothing on the device changed. */
export function FileRefused({ message }: { message: string }) {
  const { t } = useTranslation('files');
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      <p>{t('nothingChanged')}</p>
    </div>
  );
}
