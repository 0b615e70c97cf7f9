/** The action plan as a table, then the respondents' comments per dimension. */
import type { ReportWriter } from '../writer';
import { BODY, type ReportContext, SECTION_ROOM, SMALL } from './context';

export function writeActionPlan(w: ReportWriter, { model, t, f }: ReportContext): void {
  w.section(SECTION_ROOM);
  w.heading(t('actionPlan.title'), 1);
  if (model.actionPlan.length === 0) {
    w.paragraph(t('actionPlan.empty'), BODY);
    return;
  }
  w.table(
    [
      { header: t('actionPlan.action'), width: 58 },
      { header: t('actionPlan.owner'), width: 30 },
      { header: t('actionPlan.deadline'), width: 22 },
      { header: t('actionPlan.status'), width: 18 },
      { header: t('actionPlan.indicator'), width: 42 },
    ],
    model.actionPlan.map((a) => [
      { text: a.title, bold: true },
      a.owner,
      a.deadline ? f.day(a.deadline) : t('common.noScore'),
      t(`labels.actionStatus.${a.status}`),
      a.indicator,
    ]),
  );
}

export function writeComments(w: ReportWriter, { model, t, gridTitle }: ReportContext): void {
  w.heading(t('comments.title'), 1);
  const groups = model.comments.filter((g) => g.comments.some((text) => text.trim() !== ''));
  if (groups.length === 0) {
    w.paragraph(t('comments.empty'), BODY);
    return;
  }
  w.paragraph(t('comments.intro'), SMALL, { gapAfter: 2 });
  for (const group of groups) {
    w.heading(
      t('comments.group', { dimension: group.dimension, grid: gridTitle(group.gridId) }),
      3,
    );
    w.bullets(
      group.comments.filter((text) => text.trim() !== '').map((text) => text.trim()),
      { size: 8.5 },
      { bullet: '–' },
    );
  }
}
