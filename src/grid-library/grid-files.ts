/**
 * Which files of `questionnaires/` are grids: every `.json` but the JSON Schemas and the legal
 * catalogue (`legal-references.json`, a file of another kind that sits beside the grids).
 */
export const NOT_GRID_FILES: readonly string[] = ['legal-references.json'];

export function isBundledGridFile(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json') && !NOT_GRID_FILES.includes(name);
}
