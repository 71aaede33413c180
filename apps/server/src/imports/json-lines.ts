/**
 * The line each element of the top-level `sessions` array starts on, for reporting a session of
 * a backup by line like a CSV row (a backup the server wrote is one line; one a person formatted
 * has many). A small scan of strings and nesting, run only when some session is refused.
 */
export function sessionLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastKey = '';
  let stringStart = -1;
  let sessionsDepth = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') line += 1;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      stringStart = i;
    } else if (c === '{' || c === '[') {
      if (c === '[' && depth === 1 && lastKey === 'sessions') sessionsDepth = depth + 1;
      else if (c === '{' && depth === sessionsDepth) lines.push(line);
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth < sessionsDepth) sessionsDepth = -1;
    }
  }
  return lines;
}
