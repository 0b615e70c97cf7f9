/**
 * The response file's format name and version (docs/response-file.md). Kept apart from the zod
 * schema so that code writing response files (the CSV worker) does not load zod.
 */
export const RESPONSE_FILE_FORMAT = 'qvt-numerique/responses';
export const RESPONSE_FILE_FORMAT_VERSION = 1;
