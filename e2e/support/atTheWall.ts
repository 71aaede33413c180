import { chromiumForStories } from './stage.js';

/*
 * Shared by the at-the-wall-*.test.ts stories: the wall as a climber lives in it through a
 * session, on a 390 × 844 phone, and as a setter sees it on a 1280 × 800 laptop: the web export
 * served by the real server (demo gym, embedded database), in Debian's Chromium. Each story
 * prints its figures as `[figure] …` lines.
 */

export const hasChromium = chromiumForStories('the at-the-wall stories');

export const STORY_TIMEOUT = 180_000;
export const PHONE_844 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 } as const;
export const LAPTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } as const;
