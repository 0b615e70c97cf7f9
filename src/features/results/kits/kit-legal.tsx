import { useTranslation } from 'react-i18next';
import type { ProjectKind, SizeBand } from '@/domain/diagnostic/diagnostic';
import type { KitLegal } from '@/domain/kits/kits';
import { localeOf } from '@/i18n/format';
import { conditionText, longDay, statusText, type LegalTranslate } from '@/report/legal-text';

/**
 * A kit's legal elements, from the dated catalogue: citation, what the text says, the condition
 * it depends on when the context does not say, and the line with the day the law was verified
 * (« ce n'est pas un conseil juridique »).
 */
export function KitLegalList({ refs, lang }: { refs: readonly KitLegal[]; lang: string }) {
  const { t } = useTranslation(['results', 'labels']);
  if (refs.length === 0) return null;
  const tr = ((key: string, options?: Record<string, string>) =>
    t(`results:${key}` as never, options as never)) as unknown as LegalTranslate;
  const label = (field: 'size' | 'projectKind', value: string) =>
    field === 'size'
      ? t(`labels:size.${value as SizeBand}`)
      : t(`labels:projectKind.${value as ProjectKind}`);
  return (
    <ul className="kit-legal">
      {refs.map((ref) => (
        <li key={ref.id} data-legal-ref-id={ref.id}>
          <p>
            <strong>{ref.citation}</strong> — {ref.summary}
          </p>
          {Object.keys(ref.dependsOn).length > 0 && (
            <p>
              <strong>{t('results:legal.dependsOn')}</strong>{' '}
              {conditionText(ref.dependsOn, tr, label)}
            </p>
          )}
          <p
            className={`legal-ref__status${ref.verifiedOn ? '' : ' legal-ref__status--unverified'}`}
          >
            <small>{statusText(ref, tr, (ymd) => longDay(ymd, localeOf(lang)))}</small>
          </p>
        </li>
      ))}
    </ul>
  );
}
