import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNKNOWN_CONTEXT, type RoutingContext } from '@/domain/context/applies-when';
import { LegalCatalogue } from '@/domain/legal/schema';
import {
  buildDeploymentKit,
  buildRepresentativesKit,
  MAX_QUESTIONS,
  weakDimensions,
  type KitDimension,
  type KitInput,
  type KitItem,
} from '@/domain/kits/kits';
import { KitCatalogue } from '@/domain/kits/schema';
import { frenchTypography as fr } from '@/domain/text/french-typography';

const ROOT = join(__dirname, '../../../..');
const json = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const catalogue = LegalCatalogue.parse(json('questionnaires/legal-references.json'));
const kits = KitCatalogue.parse(json('questionnaires/kits.json'));

const dim = (gridId: string, id: string, score: number | null): KitDimension => ({
  gridId,
  id,
  label: `label ${id}`,
  score,
  bounds: { score: [25, 50, 75] },
});
const item = (gridId: string, dimensionId: string, id: string, score: number): KitItem => ({
  gridId,
  dimensionId,
  id,
  text: `text ${id}`,
  score,
  n: 1,
});

const CONTEXT: RoutingContext = {
  projectKinds: ['collaboration'],
  phase: 'deployment',
  size: '50-249',
  cse: 'yes',
  unionDelegates: 'yes',
  sector: 'unknown',
};

function input(over: Partial<KitInput> = {}): KitInput {
  return {
    lang: 'fr',
    context: CONTEXT,
    dimensions: [
      dim('uses', 'us-messagerie', 20),
      dim('uses', 'us-donnees', 40),
      dim('uses', 'us-regles', 80),
      dim('risks-opportunities', 'ro-charge', 45),
    ],
    items: [
      item('uses', 'us-messagerie', 'us-messagerie-2', 0),
      item('uses', 'us-messagerie', 'us-messagerie-4', 10),
      item('uses', 'us-donnees', 'us-donnees-3', 25),
      item('uses', 'us-regles', 'us-regles-1', 90),
    ],
    checklist: [],
    ...over,
  };
}

const reps = (over: Partial<KitInput> = {}) =>
  buildRepresentativesKit(kits, catalogue, input(over));
const legalIds = (value: unknown): string[] =>
  [...JSON.stringify(value).matchAll(/"id":"((?:ct|rgpd|ue|cass)-[a-z0-9-]+)"/g)].map((m) => m[1]!);

describe('the representatives’ kit: legal elements follow the context', () => {
  it('a company of 30 without a CSE gets no consultation deadline, no expert, no BDESE', () => {
    const kit = reps({ context: { ...CONTEXT, size: '11-49', cse: 'no', unionDelegates: 'no' } });
    expect(kit.deadlines).toBeNull();
    expect(kit.expert).toBeNull();
    expect(kit.documents.map((d) => d.id)).not.toContain('bdese');
    const ids = legalIds(kit);
    for (const id of ['ct-r2312-6', 'ct-l2315-94', 'ct-l2315-80', 'ct-l2312-8', 'ct-l2312-38'])
      expect(ids).not.toContain(id);
    expect(kit.actions.map((a) => a.key)).not.toContain('representatives/appoint-expert');
    // What applies in every company is still there: information before collection, GDPR.
    expect(ids).toContain('ct-l1222-4');
  });

  it('a company of 120 with a CSE gets the deadlines (and how an expert extends them) and the expert', () => {
    const kit = reps();
    expect(kit.deadlines?.legal.map((r) => r.id)).toEqual(['ct-r2312-6']);
    expect(kit.deadlines?.legal[0]?.summary).toMatch(/deux mois s['’]il fait appel à un expert/);
    expect(kit.expert?.legal.map((r) => r.id)).toEqual(['ct-l2315-94', 'ct-l2315-80']);
    expect(kit.documents.map((d) => d.id)).toEqual(
      expect.arrayContaining(['project-file', 'bdese', 'monitoring-data']),
    );
    expect(kit.actions.map((a) => a.key)).toContain('representatives/appoint-expert');
    // Every legal element carries its catalogue date (or why it is not verified).
    for (const ref of [...kit.deadlines!.legal, ...kit.expert!.legal])
      expect(ref.verifiedOn ?? ref.unverified?.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('without union delegates, no reference to the duty to negotiate; with them, the clause cites it', () => {
    const none = reps({ context: { ...CONTEXT, unionDelegates: 'no' } });
    expect(legalIds(none)).not.toContain('ct-l2242-17');
    expect(none.clauses.map((c) => c.id)).toContain('right-to-disconnect');
    const some = reps();
    const clause = some.clauses.find((c) => c.id === 'right-to-disconnect');
    expect(clause?.legal.map((r) => r.id)).toContain('ct-l2242-17');
    expect(clause?.legal.find((r) => r.id === 'ct-l2242-17')?.dependsOn).toEqual({});
  });

  it('an unknown context keeps what may apply, saying what it depends on', () => {
    const kit = reps({ context: UNKNOWN_CONTEXT });
    expect(kit.deadlines?.legal[0]?.dependsOn).toEqual({
      sizeBands: ['50-249', '250-999', '1000+'],
      cse: true,
    });
    const clause = kit.clauses.find((c) => c.id === 'right-to-disconnect');
    expect(clause?.legal.find((r) => r.id === 'ct-l2242-17')?.dependsOn).toEqual({
      unionDelegates: true,
    });
  });
});

describe('the representatives’ kit: what the weak points select', () => {
  it('weak messaging selects the right to disconnect and the telework contact hours, with their indicator', () => {
    const kit = reps();
    const clauses = kit.clauses.map((c) => c.id);
    expect(clauses).toEqual(
      expect.arrayContaining(['right-to-disconnect', 'telework-contact-hours', 'data-charter']),
    );
    expect(clauses).not.toContain('robot-integration');
    expect(clauses).not.toContain('algorithm-transparency');
    expect(kit.clauses.find((c) => c.id === 'right-to-disconnect')?.because).toContain(
      'label us-messagerie',
    );
    expect(kit.indicators.map((i) => i.id)).toContain('messages-out-of-hours');
    // A strong dimension (80) selects nothing.
    expect(kit.weakDimensions.map((d) => d.id)).toEqual([
      'us-messagerie',
      'us-donnees',
      'ro-charge',
    ]);
  });

  it('a robotics project gets the robot clause; an AI project the transparency clause and the AI Act', () => {
    const robots = reps({
      context: { ...CONTEXT, projectKinds: ['robotics'] },
      dimensions: [],
      items: [],
    });
    expect(robots.clauses.map((c) => c.id)).toEqual(['robot-integration']);
    const ai = reps({ context: { ...CONTEXT, projectKinds: ['ai'] }, dimensions: [], items: [] });
    const clause = ai.clauses.find((c) => c.id === 'algorithm-transparency');
    expect(clause?.legal.map((r) => r.id)).toEqual(
      expect.arrayContaining(['rgpd-art-22', 'ue-2024-1689-art-26-7']),
    );
    expect(ai.documents.map((d) => d.id)).toEqual(expect.arrayContaining(['dpia', 'ai-system']));
  });

  it('the DPIA is asked for a telemanagement project, not for a collaboration suite without data weak points', () => {
    const tele = reps({
      context: { ...CONTEXT, projectKinds: ['mobile-telemanagement'] },
      dimensions: [],
      items: [],
    });
    const dpia = tele.documents.find((d) => d.id === 'dpia');
    expect(dpia?.legal.map((r) => r.id)).toEqual(['rgpd-art-35']);
    const collab = reps({ dimensions: [dim('uses', 'us-messagerie', 10)], items: [] });
    expect(collab.documents.map((d) => d.id)).not.toContain('dpia');
  });

  it('questions come from the weakest items first, each with the items it is drawn from', () => {
    const kit = reps();
    expect(kit.questions[0]?.id).toBe('q-messagerie');
    expect(kit.questions[0]?.items.map((i) => i.id)).toEqual([
      'us-messagerie-2',
      'us-messagerie-4',
    ]);
    expect(kit.questions[1]?.id).toBe('q-controle');
    // A weak dimension without a weak item still gets its question, without items.
    expect(kit.questions.find((q) => q.id === 'q-charge')?.items).toEqual([]);
    expect(kit.questions.map((q) => q.id)).not.toContain('q-regles');
  });

  it('asks at most eight questions', () => {
    const ids = kits.representatives.questions.flatMap((q) => q.dimensions);
    const many = reps({
      dimensions: ids.map((id, i) => dim('g', id, i)),
      items: ids.map((id, i) => item('g', id, `${id}-1`, i)),
    });
    expect(many.questions).toHaveLength(MAX_QUESTIONS);
  });

  it('with no weak point and no matching project kind: no clause, the three default indicators', () => {
    const kit = reps({
      context: { ...CONTEXT, projectKinds: [] },
      dimensions: [dim('uses', 'us-messagerie', 90)],
      items: [],
    });
    expect(kit.clauses).toEqual([]);
    expect(kit.questions).toEqual([]);
    expect(kit.indicators.map((i) => i.id)).toEqual([
      'messages-out-of-hours',
      'data-entry-time',
      'incidents',
    ]);
    expect(kit.actions.map((a) => a.key)).not.toContain('representatives/propose-clauses');
  });

  it('writes in English for an English report', () => {
    const kit = reps({ lang: 'en' });
    expect(kit.documents[0]?.title).toBe('The project file');
    expect(kit.deadlines?.legal[0]?.citation).toBe('French Labour Code, art. R2312-6');
    expect(kit.actions.find((a) => a.key === 'representatives/propose-clauses')?.title).toMatch(
      /^Propose the clauses to management: Right to disconnect, /,
    );
  });
});

describe('weak dimensions', () => {
  it('are those below 50, topped up to three with the lowest below 75, never a missing score', () => {
    expect(
      weakDimensions([
        dim('g', 'a', 60),
        dim('g', 'b', 80),
        dim('g', 'c', null),
        dim('g', 'd', 70),
      ]).map((d) => d.id),
    ).toEqual(['a', 'd']);
    expect(
      weakDimensions([
        dim('g', 'a', 10),
        dim('g', 'b', 20),
        dim('g', 'c', 30),
        dim('g', 'd', 40),
      ]).map((d) => d.id),
    ).toEqual(['a', 'b', 'c', 'd']);
    expect(weakDimensions([dim('g', 'a', 49.999), dim('g', 'b', 50)]).map((d) => d.id)).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('the deployment kit', () => {
  const situations = [
    {
      id: 's1',
      title: 'Arrivée sans réseau',
      today: 'Feuille papier',
      withTool: 'Saisie hors ligne',
      requirement: 'Fonctionner sans réseau et synchroniser ensuite',
    },
    {
      id: 's2',
      title: 'Relais',
      today: 'Cahier de liaison',
      withTool: 'Message dans l’outil',
      requirement: '',
    },
    { id: 's3', title: 'Vide', today: '', withTool: '', requirement: '' },
  ];
  const pilot = {
    scope: 'Équipe de Pipriac',
    duration: '3 mois',
    criteria: 'Temps de saisie',
    t0: '2027-01-10',
    t1: '2027-04-10',
  };

  it('turns the situations into vendor-specification lines, before the grids’ own lines', () => {
    const kit = buildDeploymentKit(
      kits,
      catalogue,
      input({
        context: { ...CONTEXT, projectKinds: ['mobile-telemanagement'] },
        deployment: { situations, pilot },
        checklist: [
          { item: 'Item A', requirement: 'Exigence A', score: 10 },
          { item: 'Item A', requirement: 'Exigence A', score: 10 },
        ],
      }),
    );
    expect(kit.checklist).toEqual([
      {
        source: 'situation',
        situationId: 's1',
        text: fr(
          'Situation « Arrivée sans réseau » : Fonctionner sans réseau et synchroniser ensuite',
        ),
      },
      {
        source: 'situation',
        situationId: 's2',
        text: fr('Situation « Relais » : Message dans l’outil'),
      },
      { source: 'grid', item: 'Item A', requirement: 'Exigence A', score: 10 },
    ]);
    expect(kit.examples[0]).toMatch(/réseau/);
  });

  it('adds the pilot plan to the action lines, dated by the T0 and T1 diagnostics', () => {
    const kit = buildDeploymentKit(kits, catalogue, input({ deployment: { situations, pilot } }));
    const byKey = new Map(kit.actions.map((a) => [a.key, a]));
    expect(byKey.get('deployment/t0-diagnostic')?.deadline).toEqual({ date: '2027-01-10' });
    expect(byKey.get('deployment/t1-diagnostic')?.deadline).toEqual({ date: '2027-04-10' });
    expect(byKey.get('deployment/run-pilot')?.title).toBe(
      fr('Conduire le pilote : Équipe de Pipriac, 3 mois'),
    );
    expect(byKey.get('deployment/run-pilot')?.indicator).toBe('Temps de saisie');
  });

  it('says what is still to be set when the pilot plan is empty', () => {
    const kit = buildDeploymentKit(kits, catalogue, input({ lang: 'en' }));
    const run = kit.actions.find((a) => a.key === 'deployment/run-pilot');
    expect(run?.title).toBe('Run the pilot: scope to be set, duration to be set');
    expect(run?.deadline).toEqual({ date: '' });
    expect(kit.situations).toEqual([]);
  });

  it('lists only the legal checkpoints that apply: none of the CSE’s under 50 employees without one', () => {
    const small = buildDeploymentKit(
      kits,
      catalogue,
      input({ context: { ...CONTEXT, size: '11-49', cse: 'no' } }),
    );
    expect(small.legal.map((r) => r.id)).toEqual(['ct-l1222-4', 'rgpd-art-35', 'ct-l6321-1']);
    const large = buildDeploymentKit(kits, catalogue, input());
    expect(large.legal.map((r) => r.id)).toEqual(
      expect.arrayContaining(['ct-l2312-8', 'ct-l2312-38']),
    );
  });
});
