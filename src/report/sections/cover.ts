/** The cover: the diagnostic's title, organisation and context, the date, the grids' versions. */
import type { ReportWriter } from '../writer';
import type { ReportContext } from './context';

export function writeCover(w: ReportWriter, { model, t, f }: ReportContext): void {
  const d = model.diagnostic;
  const c = d.context;
  const notGiven = t('labels.notGiven');
  const rows: [string, string][] = [
    [t('cover.project'), d.project.name],
    [
      t('cover.kind'),
      c.projectKinds.length === 0
        ? notGiven
        : c.projectKinds.map((kind) => t(`labels.projectKind.${kind}`)).join(', '),
    ],
    [t('cover.phase'), c.phase === 'unknown' ? notGiven : t(`labels.projectPhase.${c.phase}`)],
    [t('cover.purpose'), t(`labels.purpose.${d.purpose}`)],
  ];
  if (c.sector !== 'unknown') rows.push([t('cover.sector'), t(`labels.sector.${c.sector}`)]);
  else if (d.sector) rows.push([t('cover.sector'), d.sector]);
  rows.push([t('cover.size'), c.size === 'unknown' ? notGiven : t(`labels.size.${c.size}`)]);
  rows.push([t('cover.cse'), t(`labels.answer.${c.cse}`)]);
  rows.push([t('cover.unionDelegates'), t(`labels.answer.${c.unionDelegates}`)]);
  rows.push([t('cover.date'), f.date(model.generatedAt)]);
  rows.push([t('cover.respondents'), f.int(model.participation.respondents)]);
  rows.push([
    t('cover.grids'),
    model.grids
      .map((g) => t('cover.gridVersion', { title: g.title, version: g.version }))
      .join('\n'),
  ]);
  w.cover({
    appName: t('appName'),
    documentKind: t('documentKind'),
    title: d.title,
    ...(d.organisation ? { organisation: d.organisation } : {}),
    rows,
    note: t('footer.local'),
  });
}
