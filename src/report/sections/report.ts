/**
 * The report, section by section, in its order: what both the PDF (`render-pdf.ts`) and the
 * Word report (`render-docx.ts`) hold. Each section is a module of this folder writing to a
 * `ReportWriter` (`../writer.ts`) from the report model.
 */
import type { ReportModel } from '@/domain/report/report-model';
import type { Translate } from '../report-text';
import type { ReportWriter } from '../writer';
import { writeActionPlan, writeComments } from './action-plan';
import { reportContext } from './context';
import { writeCover } from './cover';
import { writeEvolution } from './evolution';
import { writeGrid } from './grid';
import { writeKits } from './kits';
import { writeLegal } from './legal';
import { writeMethod } from './method';
import { writePurpose } from './purpose';
import { writeSummary } from './summary';
import { writeWorkshop } from './workshop';

export function writeReport(w: ReportWriter, model: ReportModel, t: Translate): void {
  const c = reportContext(model, t);
  writeCover(w, c);
  writeSummary(w, c);
  for (const grid of model.grids) writeGrid(w, c, grid);
  writeLegal(w, c);
  if (model.evolution) writeEvolution(w, c, model.evolution);
  writeWorkshop(w, c);
  writeActionPlan(w, c);
  writeComments(w, c);
  writePurpose(w, c);
  writeKits(w, c);
  writeMethod(w, c);
}
