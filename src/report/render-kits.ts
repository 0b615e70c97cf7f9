/**
 * The kit of the diagnostic's purpose in the PDF (docs/kits.md): the representatives' kit for a
 * negotiation, the deployment kit for an early-stage diagnostic, as the results page shows them.
 * Its words are in the `kits` namespace (`kits:pdf.…`), loaded with the `report` one.
 */
import type { LegalReferenceReport, ReportModel } from '@/domain/report/report-model';
import type {
  DeploymentKit,
  KitActionProposal,
  KitLegal,
  RepresentativesKit,
} from '@/domain/kits/kits';
import { WEAK_BELOW } from '@/domain/kits/kits';
import { BODY_SIZE, COLORS, type Layout, type TextStyle } from './layout';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export type KitHelpers = {
  colon: (label: string) => string;
  legalStatus: (ref: LegalReferenceReport) => string;
  legalCondition: (ref: LegalReferenceReport) => string;
  score: (score: number, bounds: readonly number[]) => string;
  day: (ymd: string) => string;
};

const BODY: TextStyle = { size: BODY_SIZE };
const SMALL: TextStyle = { size: 8, color: COLORS.muted };

export function renderKits(layout: Layout, model: ReportModel, t: Translate, h: KitHelpers): void {
  const kits = model.kits;
  if (!kits) return;
  if (kits.representatives) renderRepresentatives(layout, model, kits.representatives, t, h);
  if (kits.deployment) renderDeployment(layout, model, kits.deployment, t, h);
}

function legal(layout: Layout, refs: readonly KitLegal[], h: KitHelpers, t: Translate): void {
  for (const ref of refs) {
    layout.labelled(
      h.colon(ref.citation),
      ref.summary,
      { size: 8.5 },
      { indent: 4.5, gapAfter: 0.5 },
    );
    if (Object.keys(ref.dependsOn).length > 0)
      layout.labelled(
        h.colon(t('legal.dependsOn')),
        h.legalCondition(ref),
        { size: 8, bold: false },
        { indent: 4.5, gapAfter: 0.5 },
      );
    layout.paragraph(
      h.legalStatus(ref),
      { size: 7.5, color: COLORS.muted },
      { indent: 4.5, gapAfter: 1.2 },
    );
  }
}

function actions(
  layout: Layout,
  model: ReportModel,
  list: readonly KitActionProposal[],
  t: Translate,
  h: KitHelpers,
): void {
  if (list.length === 0) return;
  const inPlan = new Set(model.actionPlan.map((a) => a.kitLine).filter(Boolean));
  layout.heading(t('kits:pdf.actions'), 2);
  layout.table(
    [
      { header: t('actionPlan.action'), width: 70 },
      { header: t('actionPlan.owner'), width: 38 },
      { header: t('actionPlan.deadline'), width: 30 },
      { header: t('actionPlan.status'), width: 32 },
    ],
    list.map((a) => [
      { text: a.title, bold: true },
      a.owner,
      'days' in a.deadline
        ? t('kits:pdf.inDays', { count: a.deadline.days })
        : a.deadline.date
          ? h.day(a.deadline.date)
          : t('kits:pdf.pilotNone'),
      inPlan.has(a.key) ? t('kits:pdf.inPlan') : t('kits:pdf.notInPlan'),
    ]),
  );
}

function renderRepresentatives(
  layout: Layout,
  model: ReportModel,
  kit: RepresentativesKit,
  t: Translate,
  h: KitHelpers,
): void {
  layout.newPage();
  layout.heading(t('kits:pdf.representatives'), 1);
  layout.paragraph(t('kits:representatives.intro'), SMALL, { gapAfter: 2 });
  if (kit.weakDimensions.length > 0)
    layout.labelled(
      h.colon(t('kits:pdf.weakPoints')),
      kit.weakDimensions
        .map((d) => `${d.label} (${d.score === null ? '' : h.score(d.score, d.bounds.score)})`)
        .join(t('common.listSeparator')),
      BODY,
      { gapAfter: 2 },
    );
  else layout.paragraph(t('kits:representatives.noWeakPoints'), BODY);

  layout.heading(t('kits:pdf.documents'), 2);
  for (const doc of kit.documents) {
    layout.labelled(h.colon(doc.title), doc.detail, BODY, { gapAfter: 0.8 });
    legal(layout, doc.legal, h, t);
  }
  if (kit.deadlines) {
    layout.heading(t('kits:pdf.deadlines'), 2);
    layout.paragraph(kit.deadlines.note, BODY, { gapAfter: 0.8 });
    legal(layout, kit.deadlines.legal, h, t);
  }
  if (kit.expert) {
    layout.heading(t('kits:pdf.expert'), 2);
    layout.paragraph(kit.expert.note, BODY, { gapAfter: 0.8 });
    legal(layout, kit.expert.legal, h, t);
  }

  layout.heading(t('kits:pdf.questions'), 2);
  if (kit.questions.length === 0) layout.paragraph(t('kits:representatives.questionsNone'), BODY);
  kit.questions.forEach((q, i) => {
    layout.paragraph(`${i + 1}. ${q.text}`, { size: BODY_SIZE, bold: true }, { gapAfter: 0.3 });
    layout.labelled(
      h.colon(t('kits:pdf.drawnFrom')),
      q.items.length > 0
        ? q.items
            .map((item) =>
              t('kits:representatives.itemScore', {
                item: item.text,
                score: h.score(item.score, [WEAK_BELOW]),
              }),
            )
            .join(t('common.listSeparator'))
        : q.dimensions.join(', '),
      { size: 8, color: COLORS.muted },
      { indent: 4.5, gapAfter: 1.5 },
    );
  });

  layout.heading(t('kits:pdf.clauses'), 2);
  if (kit.clauses.length === 0) layout.paragraph(t('kits:representatives.clausesNone'), BODY);
  for (const clause of kit.clauses) {
    layout.heading(clause.title, 3, 4 * layout.lineHeight(BODY_SIZE));
    layout.paragraph(clause.text, BODY, { indent: 4.5, gapAfter: 0.8 });
    layout.paragraph(
      clause.because.length > 0
        ? `${h.colon(t('kits:pdf.because'))} ${clause.because.join(', ')}`
        : t('kits:pdf.becauseKind'),
      SMALL,
      { indent: 4.5, gapAfter: 0.8 },
    );
    legal(layout, clause.legal, h, t);
  }

  layout.heading(t('kits:pdf.indicators'), 2);
  layout.bullets(
    kit.indicators.map((i) => `${i.title} — ${i.detail}`),
    BODY,
  );
  actions(layout, model, kit.actions, t, h);
}

function renderDeployment(
  layout: Layout,
  model: ReportModel,
  kit: DeploymentKit,
  t: Translate,
  h: KitHelpers,
): void {
  layout.newPage();
  layout.heading(t('kits:pdf.deployment'), 1);
  layout.paragraph(t('kits:deployment.intro'), SMALL, { gapAfter: 2 });

  layout.heading(t('kits:pdf.situations'), 2);
  const described = kit.situations.filter(
    (s) => `${s.title}${s.today}${s.withTool}${s.requirement}`.trim() !== '',
  );
  if (described.length === 0) layout.paragraph(t('kits:pdf.situationsNone'), BODY);
  described.forEach((s, i) => {
    layout.heading(
      `${i + 1}. ${s.title.trim() || t('kits:deployment.situation', { n: i + 1 })}`,
      3,
    );
    for (const [key, text] of [
      ['today', s.today],
      ['withTool', s.withTool],
      ['requirement', s.requirement],
    ] as const) {
      if (text.trim() !== '')
        layout.labelled(h.colon(t(`kits:pdf.${key}`)), text.trim(), BODY, {
          indent: 4.5,
          gapAfter: 0.8,
        });
    }
  });

  layout.heading(t('kits:pdf.checklist'), 2);
  if (kit.checklist.length === 0) layout.paragraph(t('kits:deployment.checklistNone'), BODY);
  else
    layout.bullets(
      kit.checklist.map((line) =>
        line.source === 'situation'
          ? line.text
          : t('kits:deployment.checklistGrid', {
              item: line.item,
              requirement: line.requirement,
              score: h.score(line.score, line.below === undefined ? [] : [line.below]),
            }),
      ),
      { size: 8.5 },
      { bullet: '–' },
    );

  layout.heading(t('kits:pdf.pilot'), 2);
  const none = t('kits:pdf.pilotNone');
  const p = kit.pilot;
  for (const [key, value] of [
    ['scope', p.scope.trim()],
    ['duration', p.duration.trim()],
    ['criteria', p.criteria.trim()],
    ['t0', p.t0 ? h.day(p.t0) : ''],
    ['t1', p.t1 ? h.day(p.t1) : ''],
  ] as const) {
    layout.labelled(h.colon(t(`kits:deployment.pilotFields.${key}`)), value || none, BODY, {
      gapAfter: 0.6,
    });
  }
  if (kit.criteria.length > 0)
    layout.paragraph(t('kits:deployment.criteriaHint', { list: kit.criteria.join(', ') }), SMALL);

  if (kit.legal.length > 0) {
    layout.heading(t('kits:deployment.legal'), 2);
    legal(layout, kit.legal, h, t);
  }
  actions(layout, model, kit.actions, t, h);
}
