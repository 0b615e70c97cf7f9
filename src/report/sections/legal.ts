/** The legal references that apply to the diagnostic's context, each with its verified date. */
import { BODY_SIZE, COLORS } from '../layout';
import type { ReportWriter } from '../writer';
import { BODY, type ReportContext, SMALL } from './context';

export function writeLegal(w: ReportWriter, c: ReportContext): void {
  const { model, t, colon } = c;
  if (!model.legal) return;
  w.newPage();
  w.heading(t('legal.title'), 1);
  w.paragraph(t('legal.intro'), SMALL, { gapAfter: 2 });
  if (model.legal.references.length === 0) w.paragraph(t('legal.none'), BODY);
  for (const ref of model.legal.references) {
    w.heading(ref.citation, 3, 5 * w.lineHeight(BODY_SIZE));
    w.paragraph(ref.summary, BODY, { gapAfter: 0.8 });
    w.labelled(colon(t('legal.grants')), ref.grants, { size: 8.5 }, { gapAfter: 0.8 });
    if (Object.keys(ref.dependsOn).length > 0) {
      w.labelled(
        colon(t('legal.dependsOn')),
        c.legal.condition(ref),
        { size: 8.5, bold: true },
        { gapAfter: 0.8 },
      );
    }
    w.labelled(
      colon(t('legal.citedBy')),
      ref.citedBy.map((cb) => t('legal.quoted', { title: cb.title })).join(', '),
      { size: 8 },
      { gapAfter: 0.6 },
    );
    w.labelled(
      colon(t('legal.source')),
      ref.source,
      { size: 7.5, color: COLORS.muted },
      { gapAfter: 0.6 },
    );
    w.paragraph(c.legal.status(ref), { size: 8, bold: true }, { gapAfter: 2.5 });
  }
}
