/**
 * The dated legal catalogue shipped with the app (`questionnaires/legal-references.json`). Only
 * the results page and the PDF need it: it is imported from there, never from the start or
 * answer pages (their initial JS stays without it). Its validity is a contract test.
 */
import raw from '../../questionnaires/legal-references.json';
import { LegalCatalogue } from '@/domain/legal/schema';

let parsed: LegalCatalogue | null = null;

/** The catalogue, parsed on first use. */
export function legalCatalogue(): LegalCatalogue {
  parsed ??= LegalCatalogue.parse(raw);
  return parsed;
}
