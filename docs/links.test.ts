import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenLinks, headingAnchors, linkTargets, slug } from './links.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The pages a reader reaches from the README: itself, the bench's and every page in docs/. */
const PAGES = [
  'README.md',
  'bench/README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

describe('the docs', () => {
  it('link only to files that exist and to headings their pages have', () => {
    expect(PAGES).toContain('docs/architecture.md');
    expect(brokenLinks(ROOT, PAGES)).toEqual([]);
  });
});

describe('the link check', () => {
  it('slugs headings as GitHub does', () => {
    expect(slug("The data's way, from a tap to a row")).toBe('the-datas-way-from-a-tap-to-a-row');
    expect(slug('Catalogue management (setter or admin)')).toBe(
      'catalogue-management-setter-or-admin',
    );
    expect(slug('`POST /sessions/sync/bulk`')).toBe('post-sessionssyncbulk');
    expect(slug('Exactly once: keys, revisions **[not in OpenAPI]**')).toBe(
      'exactly-once-keys-revisions-not-in-openapi',
    );
    expect(slug('See [the API](api.md)')).toBe('see-the-api');
  });

  it('numbers repeated headings and ignores # lines in code blocks', () => {
    const page = '# Title\n## Notes\n```sh\n# not a heading\n```\n## Notes\n';
    expect([...headingAnchors(page)]).toEqual(['title', 'notes', 'notes-1']);
  });

  it('reads links, images and references but not code spans', () => {
    const targets = (prose: string) => linkTargets(prose).map(({ target }) => target);
    expect(targets('see [a](a.md#x), ![b](b.png "title") and `[c](c.md)`')).toEqual([
      'a.md#x',
      'b.png',
    ]);
    expect(targets('<img src="pic.png" width="300">')).toEqual(['pic.png']);
    expect(targets('text\n[ref]: other.md#top')).toEqual(['other.md#top']);
  });

  it('reads a link whose text runs over lines, at the line where it starts', () => {
    expect(linkTargets('one\n`a\nspan` then [two\nlines](x.md)')).toEqual([
      { target: 'x.md', line: 3 },
    ]);
  });

  it('reports a missing file, a missing heading and nothing for what resolves', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sendlog-links-'));
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs/target.md'), '# Target\n\n## Some part\n');
    writeFileSync(
      path.join(root, 'README.md'),
      [
        '# Readme',
        '[fine](docs/target.md#some-part) [also](docs/) [here](#readme) <https://example.com>',
        '[gone](docs/missing.md)',
        '[no heading](docs/target.md#other-part)',
        '```md',
        '[in a fence](nowhere.md)',
        '```',
      ].join('\n'),
    );
    expect(brokenLinks(root, ['README.md'])).toEqual([
      { file: 'README.md', line: 3, target: 'docs/missing.md', reason: 'no such file' },
      {
        file: 'README.md',
        line: 4,
        target: 'docs/target.md#other-part',
        reason: 'no heading "other-part" in docs/target.md',
      },
    ]);
  });
});
