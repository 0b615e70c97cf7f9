/**
 * What the results page needs after its first screen: the dated legal catalogue and the kits'
 * content (some 25 KB of the page's code, compressed, and their checks). A module of its own,
 * imported once the first screen is painted (`use-report-catalogues.ts`).
 */
import type { KitCatalogue } from '@/domain/kits/schema';
import type { LegalCatalogue } from '@/domain/legal/schema';
import { kitsContent } from './kits-content';
import { legalCatalogue } from './legal-catalogue';

export type ReportCatalogues = { legalCatalogue: LegalCatalogue; kits: KitCatalogue };

export function reportCatalogues(): ReportCatalogues {
  return { legalCatalogue: legalCatalogue(), kits: kitsContent() };
}
