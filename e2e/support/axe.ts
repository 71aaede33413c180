import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { smallTapTargets } from './tapTargets.js';
import type { SmallTarget } from './tapTargets.js';
import { REPO_ROOT } from './webExport.js';

/*
 * axe-core on every screen the stories visit, at the phone width they run at, plus the size of
 * every tap target.
 *
 * Every screen a story reaches gets one line: `await checkAccessibility(page, '<screen>')`. A NEW
 * SCREEN MUST CALL IT TOO (the catalogue, the logbook's charts, the wall picture and its dots):
 * a critical or serious violation, or a control smaller than 44 × 44, fails the story; the
 * moderate and minor findings are printed and recorded in e2e/artifacts/axe.json so a report can
 * quote them. The check is soft: the story goes on to report every screen, then fails.
 * Charts need a text equivalent (the numbers as a table or in a label) and the wall picture's
 * dots names like "Blue Moon, V4, blue": axe only sees what the DOM says.
 */

/** WCAG 2.1 A and AA plus axe's best practices, as the issue asks. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
type Impact = (typeof IMPACTS)[number];

export interface AxeFigures {
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  /** rule id → impact, the number of elements that break it, and the first few of them */
  rules: Record<string, { impact: Impact; nodes: number; help: string; examples: string[] }>;
  /** controls smaller than 44 × 44 */
  smallTapTargets: SmallTarget[];
}

const ARTIFACT = path.join(REPO_ROOT, 'e2e/artifacts/axe.json');
/** Figures of this run, per screen (the last visit of a screen wins). */
const figures: Record<string, AxeFigures> = {};

function summarize(results: AxeResults, small: SmallTarget[]): AxeFigures {
  const summary: AxeFigures = {
    critical: 0,
    serious: 0,
    moderate: 0,
    minor: 0,
    rules: {},
    smallTapTargets: small,
  };
  for (const violation of results.violations) {
    const impact: Impact = IMPACTS.includes(violation.impact as Impact)
      ? (violation.impact as Exclude<ImpactValue, null>)
      : 'minor';
    summary[impact] += violation.nodes.length;
    summary.rules[violation.id] = {
      impact,
      nodes: violation.nodes.length,
      help: violation.help,
      examples: violation.nodes
        .slice(0, 5)
        .map((n) => `${n.html.slice(0, 200)} — ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')),
    };
  }
  return summary;
}

function describeRules(summary: AxeFigures, impacts: readonly Impact[]): string {
  return Object.entries(summary.rules)
    .filter(([, rule]) => impacts.includes(rule.impact))
    .map(([id, rule]) => `${id} ×${rule.nodes}`)
    .join(', ');
}

/** Runs axe-core on what the page shows now; fails the story on any critical or serious finding. */
export async function checkAccessibility(page: Page, screen: string): Promise<AxeFigures> {
  // A navigation or reload drops the script: inject it again whenever it is missing. Evaluated
  // through the browser's debugging protocol, which the app's Content Security Policy (no inline
  // scripts) does not govern; a <script> tag would be refused, as it should be.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    TAGS,
  );
  const summary = summarize(results, await smallTapTargets(page));
  figures[screen] = summary;
  mkdirSync(path.dirname(ARTIFACT), { recursive: true });
  writeFileSync(ARTIFACT, `${JSON.stringify(figures, null, 2)}\n`);

  const rest = describeRules(summary, IMPACTS);
  console.log(
    `axe ${screen}: critical ${summary.critical}, serious ${summary.serious}, ` +
      `moderate ${summary.moderate}, minor ${summary.minor}${rest ? ` (${rest})` : ''}`,
  );
  const blocking = results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect.soft(blocking, `axe ${screen}: critical or serious violations`).toEqual([]);
  console.log(`tap targets ${screen}: ${summary.smallTapTargets.length} below 44 × 44`);
  expect.soft(summary.smallTapTargets, `tap targets on ${screen} smaller than 44 × 44`).toEqual([]);
  return summary;
}
