import { Diagnostic as DiagnosticSchema, type Diagnostic } from '@/domain/diagnostic/diagnostic';
import { createDiagnostic, removeAction, upsertAction } from '@/domain/diagnostic/operations';
import { buildBackup, parseBackup, serializeBackup } from '@/domain/files/backup';
import { loadGrid } from '@/domain/grid/load-grid';
import type { KitActionProposal } from '@/domain/kits/kits';
import {
  addDays,
  addKitAction,
  addSituation,
  deploymentPlanOf,
  hasKitAction,
  removeSituation,
  updatePilot,
  updateSituation,
} from '@/domain/kits/operations';
import { makeGrid } from '../../../fixtures/make-grid';

const NOW = '2026-12-07T10:00:00.000Z';
const LATER = '2026-12-07T11:00:00.000Z';
const GRID_SOURCE = makeGrid();
const GRID = (() => {
  const result = loadGrid(GRID_SOURCE);
  if (!result.ok) throw new Error('fixture grid invalid');
  return { grid: result.grid, hash: result.hash, source: GRID_SOURCE };
})();

function diagnostic(): Diagnostic {
  return createDiagnostic(
    {
      title: 'Télégestion',
      purpose: 'upstream',
      project: { name: 'Outil', kind: 'mobile-telemanagement', phase: 'choice' },
      grids: [GRID],
    },
    { id: 'd1', now: NOW },
  );
}

const PROPOSAL: KitActionProposal = {
  key: 'representatives/request-documents',
  title: 'Demander par écrit les documents du projet',
  owner: 'Représentants du personnel',
  indicator: 'Documents reçus',
  deadline: { days: 14 },
};

describe('one-click action-plan lines', () => {
  it('adds the line with its owner, deadline and indicator, as an ordinary line to do', () => {
    const next = addKitAction(diagnostic(), PROPOSAL, {
      id: 'a1',
      now: LATER,
      today: '2026-12-07',
    });
    expect(next.actionPlan).toEqual([
      {
        id: 'a1',
        title: PROPOSAL.title,
        owner: PROPOSAL.owner,
        deadline: '2026-12-21',
        status: 'todo',
        indicator: PROPOSAL.indicator,
        kitLine: PROPOSAL.key,
      },
    ]);
    expect(next.updatedAt).toBe(LATER);
    expect(DiagnosticSchema.safeParse(next).success).toBe(true);
  });

  it('does not duplicate a line added twice, even after it was edited', () => {
    const once = addKitAction(diagnostic(), PROPOSAL, {
      id: 'a1',
      now: LATER,
      today: '2026-12-07',
    });
    const edited = upsertAction(
      once,
      { ...once.actionPlan[0]!, title: 'Autre intitulé', owner: 'Marie' },
      LATER,
    );
    const twice = addKitAction(edited, PROPOSAL, { id: 'a2', now: LATER, today: '2026-12-08' });
    expect(twice).toBe(edited);
    expect(twice.actionPlan).toHaveLength(1);
    expect(twice.actionPlan[0]).toMatchObject({ title: 'Autre intitulé', owner: 'Marie' });
    expect(hasKitAction(twice, PROPOSAL.key)).toBe(true);
  });

  it('can add the line again once it was removed from the plan', () => {
    const once = addKitAction(diagnostic(), PROPOSAL, {
      id: 'a1',
      now: LATER,
      today: '2026-12-07',
    });
    const removed = removeAction(once, 'a1', LATER);
    expect(hasKitAction(removed, PROPOSAL.key)).toBe(false);
    expect(
      addKitAction(removed, PROPOSAL, { id: 'a3', now: LATER, today: '2026-12-07' }).actionPlan,
    ).toHaveLength(1);
  });

  it('dates a pilot line by the pilot’s date, and leaves it empty when no date was set', () => {
    const dated = addKitAction(
      diagnostic(),
      { ...PROPOSAL, key: 'deployment/t0-diagnostic', deadline: { date: '2027-01-10' } },
      { id: 'a1', now: LATER, today: '2026-12-07' },
    );
    expect(dated.actionPlan[0]?.deadline).toBe('2027-01-10');
    const undated = addKitAction(
      diagnostic(),
      { ...PROPOSAL, key: 'deployment/t0-diagnostic', deadline: { date: '' } },
      { id: 'a1', now: LATER, today: '2026-12-07' },
    );
    expect(undated.actionPlan[0]?.deadline).toBe('');
  });

  it('counts days across months and years, and gives no date for a day that is not one', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01');
    expect(addDays('hier', 3)).toBe('');
  });
});

describe('the deployment kit’s situations and pilot plan', () => {
  function filled(): Diagnostic {
    let d = diagnostic();
    for (const id of ['s1', 's2', 's3']) d = addSituation(d, id, LATER);
    d = updateSituation(
      d,
      's1',
      {
        title: 'Arrivée sans réseau',
        today: 'Papier',
        withTool: 'Hors ligne',
        requirement: 'Fonctionner sans réseau',
      },
      LATER,
    );
    return updatePilot(
      d,
      {
        scope: 'Équipe A',
        duration: '3 mois',
        criteria: 'Temps de saisie',
        t0: '2027-01-10',
        t1: '2027-04-10',
      },
      LATER,
    );
  }

  it('keeps at most five situations, and edits and removes them by id', () => {
    let d = filled();
    for (const id of ['s4', 's5', 's6']) d = addSituation(d, id, LATER);
    expect(deploymentPlanOf(d).situations.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    d = removeSituation(d, 's2', LATER);
    expect(deploymentPlanOf(d).situations.map((s) => s.id)).toEqual(['s1', 's3', 's4', 's5']);
    expect(updateSituation(d, 'nope', { title: 'x' }, LATER)).toBe(d);
  });

  it('stores a date only when it is a day', () => {
    const d = updatePilot(filled(), { t0: '10/01/2027' }, LATER);
    expect(deploymentPlanOf(d).pilot.t0).toBe('');
    expect(deploymentPlanOf(d).pilot.t1).toBe('2027-04-10');
  });

  it('are stored with the diagnostic and come back from a backup unchanged', () => {
    const d = addKitAction(
      filled(),
      { ...PROPOSAL, key: 'deployment/run-pilot' },
      { id: 'a1', now: LATER, today: '2026-12-07' },
    );
    const text = serializeBackup(buildBackup({ diagnostics: [d], grids: [], createdAt: LATER }));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const restored = parsed.backup.diagnostics[0]!;
    expect(restored.deployment).toEqual(d.deployment);
    expect(restored.deployment?.situations[0]?.requirement).toBe('Fonctionner sans réseau');
    expect(restored.actionPlan[0]?.kitLine).toBe('deployment/run-pilot');
  });

  it('a stored plan with a sixth situation or a malformed date is refused, not silently cut', () => {
    const d = filled();
    const six = {
      ...d,
      deployment: {
        ...d.deployment!,
        situations: Array.from({ length: 6 }, (_, i) => ({
          ...d.deployment!.situations[0]!,
          id: `x${i}`,
        })),
      },
    };
    expect(DiagnosticSchema.safeParse(six).success).toBe(false);
    const badDate = {
      ...d,
      deployment: { ...d.deployment!, pilot: { ...d.deployment!.pilot, t1: 'demain' } },
    };
    const result = DiagnosticSchema.safeParse(badDate);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['deployment', 'pilot', 't1']);
  });
});
