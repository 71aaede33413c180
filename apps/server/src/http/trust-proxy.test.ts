import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { failingDatabaseContext } from '../testing/fake-context.js';

/** The address rate limits count (`request.ip`), as the app sees it behind `trustProxy`. */
async function clientAddress(trustProxy: number | string | undefined): Promise<string> {
  const app = await buildApp(failingDatabaseContext(), { logger: false, trustProxy });
  app.get('/whoami', async (request) => ({ ip: request.ip }));
  try {
    const res = await app.inject({
      method: 'GET',
      url: '/whoami',
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': '198.51.100.9, 203.0.113.7' },
    });
    return (JSON.parse(res.body) as { ip: string }).ip;
  } finally {
    await app.close();
  }
}

describe('SENDLOG_TRUST_PROXY', () => {
  it('takes the socket’s address by default, so a forged X-Forwarded-For counts for nothing', async () => {
    expect(await clientAddress(undefined)).toBe('10.0.0.2');
    expect(await clientAddress(0)).toBe('10.0.0.2');
  });

  it('takes the client the trusted proxy names: by hops or by its address', async () => {
    expect(await clientAddress(1)).toBe('203.0.113.7');
    expect(await clientAddress('10.0.0.0/8')).toBe('203.0.113.7');
    expect(await clientAddress('192.168.0.1')).toBe('10.0.0.2');
  });
});
