import type { onSendAsyncHookHandler } from 'fastify';

/**
 * Answers that belong to one account (everything behind a token, and the login's token itself)
 * say `Cache-Control: no-store`, so no browser, proxy or shared cache keeps a copy, and `Vary:
 * Authorization`, so a cache that ignores `no-store` still never serves one account's answer to
 * another. Errors too: they say no less about the account.
 */
export const noStore: onSendAsyncHookHandler = async (_request, reply, payload) => {
  reply.header('cache-control', 'no-store');
  const vary = reply.getHeader('vary');
  const varies = typeof vary === 'string' && vary !== '' ? vary : undefined;
  if (!varies) reply.header('vary', 'Authorization');
  else if (!/(^|,)\s*authorization\s*(,|$)/i.test(varies)) {
    reply.header('vary', `${varies}, Authorization`);
  }
  return payload;
};
