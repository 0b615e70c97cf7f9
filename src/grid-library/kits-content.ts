/**
 * The kits' content shipped with the app (`questionnaires/kits.json`). Only the results page and
 * the PDF need it: it is imported from there, never from the start or answer pages (their
 * initial JS stays without it). Its validity is a contract test (tests/contract/kits.test.ts).
 */
import raw from '../../questionnaires/kits.json';
import { KitCatalogue } from '@/domain/kits/schema';

let parsed: KitCatalogue | null = null;

/** The kits' content, parsed on first use. */
export function kitsContent(): KitCatalogue {
  parsed ??= KitCatalogue.parse(raw);
  return parsed;
}
