/**
 * The section of the diagnostic's purpose: the points for negotiation (with the law that
 * applies), or the next steps of an early-stage diagnostic. A workshop's material is its own
 * sections (`workshop.ts`).
 */
import { BODY_SIZE, COLORS } from '../layout';
import type { ReportWriter } from '../writer';
import { BODY, type ReportContext, SMALL } from './context';

export function writePurpose(w: ReportWriter, c: ReportContext): void {
  const { model, t, colon } = c;
  const purpose = model.diagnostic.purpose;
  if (purpose === 'negotiation') {
    w.heading(t('purposeSection.negotiation.title'), 1);
    const seen = new Set<string>();
    const recs = model.recommendations.filter((r) => {
      if (!r.negotiation || seen.has(`${r.gridId}/${r.id}`)) return false;
      seen.add(`${r.gridId}/${r.id}`);
      return true;
    });
    if (recs.length === 0) {
      w.paragraph(t('purposeSection.negotiation.empty'), BODY);
      return;
    }
    w.paragraph(t('purposeSection.negotiation.intro'), SMALL, { gapAfter: 2 });
    recs.forEach((rec, i) => {
      w.heading(`${i + 1}. ${rec.title}`, 3, 3 * w.lineHeight(BODY_SIZE));
      w.paragraph(rec.negotiation ?? '', BODY, { gapAfter: 1 });
      // The catalogue's references that apply to this context, and the agreements cited.
      const legal = [
        ...rec.legalRefs.flatMap((id) => {
          const ref = c.legal.byId.get(id);
          return ref ? [`${c.legal.citation(ref)} — ${c.legal.status(ref)}`] : [];
        }),
        ...rec.sources
          .filter((s) => s.type === 'law' || s.type === 'agreement')
          .map((s) => (s.url ? `${s.label} (${s.url})` : s.label)),
      ];
      w.labelled(
        colon(t('purposeSection.negotiation.legal')),
        legal.length === 0
          ? t('purposeSection.negotiation.noLegal')
          : legal.join(t('common.listSeparator')),
        { size: 8, color: COLORS.muted },
        { gapAfter: 2.5 },
      );
    });
  } else if (purpose === 'upstream') {
    w.heading(t('purposeSection.upstream.title'), 1);
    const high = model.recommendations
      .filter((r) => r.priority === 'high' && r.actions.length > 0)
      .slice(0, 5);
    if (high.length === 0) {
      w.paragraph(t('purposeSection.upstream.empty'), BODY);
    } else {
      w.paragraph(t('purposeSection.upstream.intro'), BODY, { gapAfter: 1.5 });
      high.forEach((rec, i) => {
        w.ensureSpace(3 * w.lineHeight(BODY_SIZE));
        w.paragraph(`${i + 1}. ${rec.title}`, { size: BODY_SIZE, bold: true }, { gapAfter: 0.3 });
        w.paragraph(rec.actions[0] ?? '', BODY, { indent: 4.5, gapAfter: 2 });
      });
    }
    w.paragraph(t('purposeSection.upstream.pointer'), { size: BODY_SIZE, color: COLORS.muted });
  }
}
