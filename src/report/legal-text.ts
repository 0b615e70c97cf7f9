/**
 * Legal references in words, the same on the results page and in the PDF: the condition a
 * reference depends on, and the line saying when the law was verified (« ce n'est pas un
 * conseil juridique »). Each caller passes its own translate function over a `legal` subtree
 * of its namespace (`results` on the page, `report` in the PDF) and its date formatting.
 */
import type { ProjectKind, SizeBand } from '@/domain/diagnostic/diagnostic';
import type { LegalAppliesWhen } from '@/domain/legal/schema';
import type { LegalReferenceReport } from '@/domain/report/report-model';

/** The keys of the `legal` subtree these texts use, in the `results` and `report` namespaces alike. */
export type LegalKey =
  | 'legal.cond.size'
  | 'legal.cond.or'
  | 'legal.cond.and'
  | 'legal.cond.cse'
  | 'legal.cond.noCse'
  | 'legal.cond.unionDelegates'
  | 'legal.cond.noUnionDelegates'
  | 'legal.cond.projectKinds'
  | 'legal.cond.project'
  | 'legal.verified'
  | 'legal.unverified';

export type LegalTranslate = (key: LegalKey, options?: Record<string, string>) => string;

/** e.g. « entreprise de 50 à 249 salariés ou de 250 à 999 salariés ; un CSE existe ». */
export function conditionText(
  when: LegalAppliesWhen,
  t: LegalTranslate,
  label: (field: 'size' | 'projectKind', value: SizeBand | ProjectKind) => string,
): string {
  const sizeLabel = (band: SizeBand) => label('size', band);
  const parts: string[] = [];
  if (when.sizeBands) {
    parts.push(
      t('legal.cond.size', { bands: when.sizeBands.map(sizeLabel).join(t('legal.cond.or')) }),
    );
  }
  if (when.cse !== undefined) parts.push(t(when.cse ? 'legal.cond.cse' : 'legal.cond.noCse'));
  if (when.unionDelegates !== undefined) {
    parts.push(
      t(when.unionDelegates ? 'legal.cond.unionDelegates' : 'legal.cond.noUnionDelegates'),
    );
  }
  if (when.projectKinds) {
    parts.push(
      t('legal.cond.projectKinds', {
        kinds: when.projectKinds.map((kind) => label('projectKind', kind)).join(t('legal.cond.or')),
      }),
    );
  }
  if (when.phases || when.sectors) parts.push(t('legal.cond.project'));
  return parts.join(t('legal.cond.and'));
}

/** « État du droit vérifié au … ; ce n'est pas un conseil juridique », or why it is not verified. */
export function statusText(
  ref: Pick<LegalReferenceReport, 'verifiedOn' | 'unverified'>,
  t: LegalTranslate,
  day: (ymd: string) => string,
): string {
  if (ref.verifiedOn) return t('legal.verified', { date: day(ref.verifiedOn) });
  const checkedOn = ref.unverified?.checkedOn ?? '';
  return t('legal.unverified', { date: day(checkedOn), reason: ref.unverified?.reason ?? '' });
}

/** A day YYYY-MM-DD as a long date, read at noon UTC so no time zone moves it. */
export function longDay(ymd: string, locale: string): string {
  const date = new Date(`${ymd}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return ymd;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
