/**
 * Writes a complete diagnostic straight into IndexedDB (as tests/e2e/helpers.ts does): every
 * item of every grid answered by several respondents of every role, and an action plan.
 * Deterministic: the same answers on every run.
 */

const ROLES = ['management', 'manager', 'employee', 'representative', 'other'];

const ACTIONS = [
  ['Former les encadrants à la conduite du changement', 'DRH', 'Part des encadrants formés'],
  ['Associer les représentants du personnel au choix de l’outil', 'Direction', 'Réunions tenues'],
  ['Mesurer la charge de saisie avant et après', 'Contrôle de gestion', 'Minutes par jour'],
  ['Définir un droit à la déconnexion', 'DRH', 'Accord signé'],
  ['Prévoir un référent numérique par équipe', 'Encadrement', 'Référents nommés'],
  ['Tester l’outil avec un groupe pilote', 'DSI', 'Retours du pilote'],
  ['Réviser les fiches de poste', 'DRH', 'Fiches revues'],
  ['Informer le CSE à chaque étape', 'Direction', 'Consultations menées'],
  ['Supprimer les doubles saisies', 'DSI', 'Saisies supprimées'],
  ['Ouvrir un canal de remontée des difficultés', 'Encadrement', 'Remontées traitées'],
  ['Former les salariés aux nouveaux outils', 'DRH', 'Heures de formation'],
  ['Évaluer les risques psychosociaux du projet', 'Préventeur', 'Document unique à jour'],
  ['Limiter la surveillance de l’activité', 'Direction', 'Règles écrites'],
  ['Organiser un retour d’expérience à six mois', 'Direction', 'Bilan présenté'],
  ['Adapter l’ergonomie des postes mobiles', 'Préventeur', 'Postes adaptés'],
];

/**
 * Replaces the respondents and the action plan of a stored diagnostic: `perRole` respondents
 * for each role, every item answered (every 9th one "don't know"), and `actions` plan lines.
 */
export async function seedCompleteDiagnostic(
  page,
  diagnosticId,
  { perRole = 2, actions = 15 } = {},
) {
  await page.evaluate(
    async ({ diagnosticId, roles, perRole, plan }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('qvt-numerique');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const d = await new Promise((resolve, reject) => {
        const req = db.transaction('diagnostics').objectStore('diagnostics').get(diagnosticId);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = new Date().toISOString();
      const respondents = [];
      roles.forEach((role, roleIndex) => {
        for (let k = 0; k < perRole; k += 1) {
          const r = roleIndex * perRole + k;
          const answers = {};
          const comments = {};
          for (const { grid } of d.grids) {
            answers[grid.id] = {};
            let i = 0;
            for (const dimension of grid.dimensions) {
              for (const item of dimension.items) {
                const scale = grid.scales.find((s) => s.id === item.scale);
                if (scale) {
                  const dontKnow = (i + r) % 9 === 4 && scale.allowDontKnow !== false;
                  answers[grid.id][item.id] = dontKnow
                    ? 'dk'
                    : scale.points[(i * 3 + r * 5 + roleIndex) % scale.points.length].value;
                }
                i += 1;
              }
              if (r % 3 === 0) {
                comments[grid.id] = {
                  ...(comments[grid.id] ?? {}),
                  [dimension.id]: `Commentaire ${r + 1} : le nouvel outil change l’organisation.`,
                };
              }
            }
          }
          respondents.push({
            id: `bench-${r}`,
            role,
            answers,
            comments,
            createdAt: now,
            updatedAt: now,
          });
        }
      });
      d.respondents = respondents;
      d.currentRespondentId = respondents[0].id;
      d.actionPlan = plan.map(([title, owner, indicator], i) => ({
        id: `action-${i + 1}`,
        title,
        owner,
        deadline: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
        status: ['todo', 'doing', 'done'][i % 3],
        indicator,
      }));
      await new Promise((resolve, reject) => {
        const tx = db.transaction('diagnostics', 'readwrite');
        tx.objectStore('diagnostics').put(d, diagnosticId);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { diagnosticId, roles: ROLES, perRole, plan: ACTIONS.slice(0, actions) },
  );
}
