import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * Text follows the phone's font size (up to 200 % and beyond): no box may hold text to a fixed
 * height or width, and no text may opt out of scaling. Sizes are minimums (`minHeight`,
 * `minWidth`), so a box grows with its text instead of clipping it.
 */

const SRC = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    // The test kit (fake servers, fixtures) draws nothing.
    if (statSync(file).isDirectory()) return name === 'testing' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** A shadow's offset, or a drawn key beside its words (marked on its line), is not a text box. */
const NOT_A_TEXT_BOX = /shadowOffset|\/\/ holds no text$/;

const FORBIDDEN: [RegExp, string][] = [
  [/\b(height|width|maxHeight)\s*:\s*\d/, 'a fixed height or width (use minHeight / minWidth)'],
  [/allowFontScaling=\{false\}|allowFontScaling:\s*false/, 'text that ignores the font size'],
  [/maxFontSizeMultiplier/, 'a cap on the font size'],
];

describe('text scales with the system font size', () => {
  const files = sourceFiles(SRC);

  it('finds the app source', () => {
    expect(files.map((f) => path.relative(SRC, f))).toContain(path.join('theme', 'theme.ts'));
  });

  it.each(FORBIDDEN)('no source file uses %s (%s)', (pattern) => {
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line: line.trim(), at: `${path.relative(SRC, file)}:${i + 1}` }))
        .filter(({ line }) => pattern.test(line) && !NOT_A_TEXT_BOX.test(line))
        .map(({ line, at }) => `${at}: ${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
