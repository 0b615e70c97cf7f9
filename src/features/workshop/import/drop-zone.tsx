import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileButton } from '@/components/file-button';

/**
 * Where response files are dropped or chosen (JSON response files and survey CSVs). Dropping is
 * a pointer shortcut; the button is the keyboard path. The drag listeners are attached natively:
 * the zone itself is not an interactive control.
 */
export function DropZone({
  hasFiles,
  onFiles,
}: {
  /** Files are already in the batch: the button says « add more ». */
  hasFiles: boolean;
  onFiles: (files: FileList | File[]) => void;
}) {
  const { t } = useTranslation('workshop');
  const uid = useId();
  const [dragging, setDragging] = useState(false);
  const zone = useRef<HTMLDivElement>(null);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  });
  useEffect(() => {
    const element = zone.current;
    if (!element) return;
    const over = (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      if (e.dataTransfer?.files) onFilesRef.current(e.dataTransfer.files);
    };
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div
      ref={zone}
      className={`dropzone${dragging ? ' dropzone--active' : ''}`}
      data-testid="response-dropzone"
    >
      <p id={`${uid}-drop`} className="dropzone__text">
        {t('import.drop')}
      </p>
      <FileButton
        multiple
        accept=".json,application/json,.csv,text/csv"
        testId="response-files-input"
        onFiles={onFiles}
      >
        {hasFiles ? t('import.addMore') : t('import.choose')}
      </FileButton>
    </div>
  );
}
