/**
 * Error codes of grid loading, with the parameters each one carries.
 *
 * Messages live in `src/i18n/locales/{fr,en}/grid-errors.json` under the same key as the code;
 * their `{{placeholders}}` are exactly the parameters listed in `GRID_ERROR_PARAMS`.
 */

/**
 * Every code `loadGrid`, `loadGridText` and `checkGridTranslations` can return, plus
 * `duplicate_id_in_other_grid` for checks across grids (`scripts/validate-grids.ts`).
 */
export const GRID_ERROR_CODES = [
  // The file itself
  'too_large',
  'invalid_json',
  'invalid_json_at',
  'too_deep',
  'forbidden_key',
  'wrong_file_kind',
  'internal',
  'too_many_errors',
  // Shape (mapped from zod issues)
  'required',
  'wrong_type',
  'unknown_key',
  'too_short',
  'too_long',
  'empty_text',
  'invalid_value',
  'invalid_id',
  'invalid_language',
  'invalid_color',
  'invalid_url',
  'invalid_semver',
  'invalid_format',
  'number_range',
  'number_too_small',
  'number_too_large',
  'unsupported_schema_version',
  'needs_schema_version',
  'unknown_condition_type',
  'invalid',
  // Cross-checks, once the shape parses
  'duplicate_id',
  'reserved_id',
  'unknown_scale',
  'unknown_source',
  'unknown_legal_ref',
  'unknown_dimension',
  'unknown_item',
  'missing_default_language',
  'default_language_not_available',
  'levels_not_from_zero',
  'levels_not_ascending',
  'scale_values_not_ascending',
  'scale_kind_mismatch',
  'condition_value_out_of_scale',
  // Across several grids (bundled grids, or a custom grid beside them)
  'duplicate_id_in_other_grid',
  // Completeness of translations (checkGridTranslations, not part of loadGrid)
  'missing_translation',
] as const;

export type GridErrorCode = (typeof GRID_ERROR_CODES)[number];

/** One problem found in a grid: what (`code`, `params`) and where (`path`, e.g. `dimensions[2].items[0].scale`, `""` for the root). */
export type GridError = {
  code: GridErrorCode;
  path: string;
  params: Record<string, string | number>;
};

/**
 * The parameters of each code, i.e. the placeholders of its message.
 * `wrong_type`'s `expected` and `received` are value-type tokens (see `VALUE_TYPE_TOKENS`).
 */
export const GRID_ERROR_PARAMS: Readonly<Record<GridErrorCode, readonly string[]>> = {
  too_large: ['max'],
  invalid_json: [],
  invalid_json_at: ['line', 'column'],
  too_deep: ['limit', 'line', 'column'],
  forbidden_key: ['key'],
  wrong_file_kind: ['found'],
  internal: [],
  too_many_errors: ['shown', 'total'],
  required: ['key'],
  wrong_type: ['expected', 'received'],
  unknown_key: ['key', 'allowed'],
  too_short: ['min'],
  too_long: ['length', 'max'],
  empty_text: [],
  invalid_value: ['value', 'expected'],
  invalid_id: ['value'],
  invalid_language: ['value'],
  invalid_color: ['value'],
  invalid_url: ['value'],
  invalid_semver: ['value'],
  invalid_format: ['value'],
  number_range: ['value', 'min', 'max'],
  number_too_small: ['value', 'min'],
  number_too_large: ['value', 'max'],
  unsupported_schema_version: ['value', 'expected'],
  needs_schema_version: ['key', 'version'],
  unknown_condition_type: ['value', 'expected'],
  invalid: [],
  duplicate_id: ['id'],
  reserved_id: ['id'],
  unknown_scale: ['id'],
  unknown_source: ['id'],
  unknown_legal_ref: ['id'],
  unknown_dimension: ['id'],
  unknown_item: ['id'],
  missing_default_language: ['lang'],
  default_language_not_available: ['lang'],
  levels_not_from_zero: ['min'],
  levels_not_ascending: ['min', 'previous'],
  scale_values_not_ascending: ['value', 'previous'],
  scale_kind_mismatch: ['kind', 'scale', 'scaleKind'],
  condition_value_out_of_scale: ['value', 'scale', 'min', 'max'],
  duplicate_id_in_other_grid: ['id', 'grid'],
  missing_translation: ['lang'],
};

/**
 * Tokens used in `wrong_type` params; each has a translation under `valueType.<token>`
 * in the `grid-errors` namespace.
 */
export const VALUE_TYPE_TOKENS = [
  'string',
  'number',
  'boolean',
  'object',
  'array',
  'text',
  'null',
  'nonFinite',
  'value',
] as const;

export type ValueTypeToken = (typeof VALUE_TYPE_TOKENS)[number];
