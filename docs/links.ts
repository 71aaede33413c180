import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The link check of the docs: every relative link of a Markdown page must name a file or folder
 * that exists, and every `#anchor` a heading of its target page as GitHub slugs it. No Markdown
 * parser is installed, so this reads the small subset the docs use: `[text](target)`,
 * `![alt](target)`, `[ref]: target`, `<img src="target">`, ATX headings, and fenced code blocks and code spans,
 * whose contents are not links.
 */

export interface BrokenLink {
  /** The page holding the link, relative to the root. */
  readonly file: string;
  readonly line: number;
  readonly target: string;
  readonly reason: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The page's lines with fenced code blocks blanked, so line numbers stay true. */
export function proseLines(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const open = FENCE.exec(line);
    if (fence === null) {
      if (open) fence = open[1]!;
      return open ? '' : line;
    }
    if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length) fence = null;
    return '';
  });
}

const CODE_SPAN = /(`+)[\s\S]*?\1/g;
const MD_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_LINK = /<(?:img|a)\b[^>]*\b(?:src|href)="([^"]*)"/gi;
const REFERENCE = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm;

export interface LinkTarget {
  readonly target: string;
  /** 1-based, the line where the link starts (its text may run over several lines). */
  readonly line: number;
}

/** Every link target in a stretch of prose, code spans left out. */
export function linkTargets(prose: string): LinkTarget[] {
  // Blank code spans rather than drop them, so offsets (and so line numbers) stay true.
  const text = prose.replace(CODE_SPAN, (span) => span.replace(/[^\n]/g, ' '));
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  return [MD_LINK, HTML_LINK, REFERENCE]
    .flatMap((pattern) => [...text.matchAll(pattern)])
    .sort((a, b) => a.index - b.index)
    .map((m) => ({ target: m[1]!, line: lineAt(m.index) }));
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, spaces as hyphens. */
export function slug(headingText: string): string {
  const text = headingText
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link shows its text only
    .replace(/<[^>]+>/g, '');
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a page's headings get, repeated headings numbered as GitHub numbers them. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

const EXTERNAL = /^[a-z][a-z\d+.-]*:/i;

/** The broken links of the given pages (paths relative to `root`). */
export function brokenLinks(root: string, files: readonly string[]): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    let set = anchorsOf.get(file);
    if (!set) anchorsOf.set(file, (set = headingAnchors(readFileSync(file, 'utf8'))));
    return set;
  };

  for (const file of files) {
    const absolute = path.resolve(root, file);
    const prose = proseLines(readFileSync(absolute, 'utf8')).join('\n');
    for (const { target, line } of linkTargets(prose)) {
      if (EXTERNAL.test(target)) continue;
      const report = (reason: string) => broken.push({ file, line, target, reason });
      const [pathPart = '', anchor] = target.split('#', 2);
      const destination = pathPart
        ? path.resolve(path.dirname(absolute), decodeURIComponent(pathPart))
        : absolute;
      if (target === '') report('empty link');
      else if (!existsSync(destination)) report('no such file');
      else if (anchor !== undefined) {
        if (statSync(destination).isDirectory() || !destination.endsWith('.md'))
          report('an anchor into something that is not a Markdown page');
        else if (!anchors(destination).has(decodeURIComponent(anchor)))
          report(`no heading "${anchor}" in ${path.relative(root, destination)}`);
      }
    }
  }
  return broken;
}
