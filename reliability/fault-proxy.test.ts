import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy } from './fault-proxy.js';

let hits = 0;
const upstream = http.createServer((req, res) => {
  hits += 1;
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, padding: 'x'.repeat(200) }));
  });
});
let target = '';

beforeAll(async () => {
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

describe('fault proxy', () => {
  it('forwards faithfully when no fault is set', async () => {
    const proxy = await startFaultProxy(target);
    const res = await fetch(`${proxy.url}/x`, { method: 'POST', body: '{}' });
    expect(await res.json()).toMatchObject({ ok: true });
    await proxy.close();
  });

  it('a dropped request never reaches the server', async () => {
    const proxy = await startFaultProxy(target, { dropRequest: 1 });
    const before = hits;
    await expect(fetch(`${proxy.url}/x`, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(hits).toBe(before);
    expect(proxy.counts.droppedRequests).toBe(1);
    await proxy.close();
  });

  it('a dropped response was still handled by the server', async () => {
    const proxy = await startFaultProxy(target, { dropResponse: 1 });
    const before = hits;
    await expect(fetch(`${proxy.url}/x`, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(hits).toBe(before + 1);
    // The server's answer is still counted: it happened, only the client never saw it.
    expect(proxy.counts.statuses[200]).toBe(1);
    await proxy.close();
  });

  it('a truncated response cannot be read as a whole body', async () => {
    const proxy = await startFaultProxy(target, { truncateResponse: 1 });
    await expect(
      fetch(`${proxy.url}/x`, { method: 'POST', body: '{}' }).then((r) => r.json()),
    ).rejects.toThrow();
    expect(proxy.counts.truncatedResponses).toBe(1);
    await proxy.close();
  });
});
