/**
 * The message of a file the one JSON reader refused (`src/domain/files/read-json-file.ts`), in
 * the interface's language: what is wrong, where (line and column, or the path in the file),
 * and which kind of file was expected. Messages are in the `files` namespace; nothing of zod's
 * own (English) wording is ever shown.
 */
import type { TFunction } from 'i18next';
import type { ContentProblem, JsonFileError, JsonFileKind } from '@/domain/files/read-json-file';

type T = TFunction<'files'>;

/** The whole message for file `name`. */
export function jsonFileErrorMessage(t: T, name: string, error: JsonFileError): string {
  switch (error.code) {
    case 'invalidJson':
      return error.line === undefined
        ? t('invalidJson', { name })
        : t('read.invalidJsonAt', { name, line: error.line, column: error.column ?? 1 });
    case 'tooDeep':
      return t('read.tooDeep', {
        name,
        limit: error.limit,
        line: error.line,
        column: error.column,
      });
    case 'forbiddenKey':
      return t('read.forbiddenKey', { name, key: error.key, path: error.path });
    case 'wrongKind': {
      const expected = kindName(t, error.expected);
      if (error.found !== null) {
        return t('read.wrongKind', { name, expected, found: kindName(t, error.found) });
      }
      return error.format === ''
        ? t('read.unknownKind', { name, expected })
        : t('read.unknownFormat', { name, expected, format: error.format });
    }
    case 'unsupportedVersion':
      return t(error.found === '' ? 'read.missingVersion' : 'read.unsupportedVersion', {
        name,
        kind: kindName(t, error.kind),
        found: error.found,
        expected: error.expected,
      });
    case 'invalidContent': {
      const listed = error.problems.map((problem) => contentProblemText(t, problem));
      const more = error.total - error.problems.length;
      if (more > 0) listed.push(t('read.more', { count: more }));
      return t('read.invalidContent', {
        name,
        kind: kindName(t, error.kind),
        problems: listed.join(t('read.separator')),
      });
    }
  }
}

/** « respondents[0].role : valeur « boss » non prévue (possibles : …) ». */
export function contentProblemText(t: T, problem: ContentProblem): string {
  const params = { ...problem.params };
  if (problem.code === 'type') {
    params.expected = t(`valueType.${String(params.expected)}` as 'valueType.value');
    params.received = t(`valueType.${String(params.received)}` as 'valueType.value');
  }
  return t('problem.withPlace', {
    place: problem.path === '' ? t('problem.root') : problem.path,
    problem: t(`problem.${problem.code}`, params),
  });
}

function kindName(t: T, kind: JsonFileKind): string {
  return t(`kind.${kind}`);
}
