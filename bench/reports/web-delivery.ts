import { fmt, type Row } from '../lib/report.js';
import type { WebDeliveryFigures } from '../web-delivery.js';

/** Part 10: bytes of a first load, and scripts fetched again on a repeat load (none, or skipped). */
export function webRows(w: WebDeliveryFigures | null): Row[] {
  const part = '10 web app (Chromium)';
  if (!w) {
    return [
      {
        part,
        metric: 'skipped: no Chromium at /usr/bin/chromium',
        value: '',
        goal: '',
        met: null,
      },
    ];
  }
  const kB = (bytes: number) => `${fmt(bytes / 1024, 1)} kB`;
  const { first, repeat } = w.httpCache;
  return [
    {
      part,
      metric: `first load over the wire, empty cache (${first.requests} requests, brotli)`,
      value: kB(first.bytes),
      goal: '≤ 400 KB',
      met: first.bytes <= 400 * 1024,
    },
    {
      part,
      metric: `repeat load over the wire, HTTP cache alone (${repeat.requests} requests)`,
      value: `${kB(repeat.bytes)}, ${repeat.scriptsFromNetwork.length} scripts fetched`,
      goal: '0 scripts',
      met: repeat.scriptsFromNetwork.length === 0,
    },
    {
      part,
      metric: 'repeat load with the service worker: scripts fetched from the network',
      value: `${w.serviceWorker.repeat.scriptsFromNetwork.length} scripts`,
      goal: '0 scripts',
      met: w.serviceWorker.repeat.scriptsFromNetwork.length === 0,
    },
  ];
}
