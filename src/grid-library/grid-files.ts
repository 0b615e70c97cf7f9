/**
 * Which files of `questionnaires/` are grids: every `.json` but the JSON Schemas, the legal
 * catalogue (`legal-references.json`) and the kits' content (`kits.json`), files of other kinds
 * that sit beside the grids.
 */
export const NOT_GRID_FILES: readonly string[] = ['legal-references.json', 'kits.json'];

export function isBundledGridFile(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json') && !NOT_GRID_FILES.includes(name);
}
