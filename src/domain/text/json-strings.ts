/**
 * String values of a JSON text located by their JSON path (`a.b[0].c`, as `text-sources` writes
 * it), so that a script can rewrite some strings and leave the file's layout (one-line objects,
 * key order, spacing) exactly as it was. The text must be valid JSON (parse it first).
 */

/**
 * The string values of a JSON text with their JSON path (as `text-sources` writes it) and their
 * place in the text, so that only the changed strings are rewritten and the file keeps its layout.
 */
export function stringLiterals(raw: string): { path: string; start: number; end: number }[] {
  const found: { path: string; start: number; end: number }[] = [];
  let at = 0;
  const skip = () => {
    while (/\s/.test(raw[at] ?? '')) at += 1;
  };
  const string = (): string => {
    const start = at;
    at += 1;
    while (raw[at] !== '"') at += raw[at] === '\\' ? 2 : 1;
    at += 1;
    return JSON.parse(raw.slice(start, at)) as string;
  };
  const value = (path: string): void => {
    skip();
    const c = raw[at];
    if (c === '"') {
      const start = at;
      string();
      found.push({ path, start, end: at });
    } else if (c === '{') {
      at += 1;
      skip();
      while (raw[at] !== '}') {
        skip();
        const key = string();
        skip();
        at += 1; // :
        value(path ? `${path}.${key}` : key);
        skip();
        if (raw[at] === ',') at += 1;
        skip();
      }
      at += 1;
    } else if (c === '[') {
      at += 1;
      skip();
      for (let i = 0; raw[at] !== ']'; i += 1) {
        value(`${path}[${i}]`);
        skip();
        if (raw[at] === ',') at += 1;
        skip();
      }
      at += 1;
    } else {
      while (at < raw.length && !/[\s,\]}]/.test(raw[at] ?? '')) at += 1;
    }
  };
  value('');
  return found;
}

/** The JSON text with the strings at the given paths replaced, everything else untouched. */
export function replaceStrings(raw: string, changes: ReadonlyMap<string, string>): string {
  let out = '';
  let from = 0;
  let replaced = 0;
  for (const { path, start, end } of stringLiterals(raw)) {
    const text = changes.get(path);
    if (text === undefined) continue;
    out += raw.slice(from, start) + JSON.stringify(text);
    from = end;
    replaced += 1;
  }
  if (replaced !== changes.size) throw new Error(`${changes.size - replaced} text(s) not found`);
  return out + raw.slice(from);
}
