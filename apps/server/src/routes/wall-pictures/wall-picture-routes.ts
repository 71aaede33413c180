import { errorBodySchema } from '@sendlog/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findPicture } from '../../catalogue/catalogue-repository.js';
import type { AppContext } from '../../context.js';
import { PUBLIC } from '../../http/docs.js';
import { matchesEtag } from '../../http/etag.js';
import { ApiError } from '../../http/errors.js';
import { keyParams } from '../../http/route-schemas.js';

/** A base64url SHA-256, as pictures are named. */
const SHA256_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Wall pictures, readable without a token like the rest of the catalogue. A picture's URL names
 * its hash and a picture never changes, so it may be cached for good.
 */
export const wallPictureRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/wall-pictures/:sha256',
    {
      schema: {
        operationId: 'getWallPicture',
        summary: "A layout's wall picture (the url of its image)",
        description:
          'The bytes as uploaded, with an ETag; immutable (a new picture has a new url). ' +
          'Answers 304 to an If-None-Match naming the ETag.',
        tags: ['catalogue'],
        ...PUBLIC,
        params: keyParams('wall picture', 'sha256', SHA256_PATTERN),
        headers: z.looseObject({ 'if-none-match': z.string().optional() }),
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: {
          200: z.string().meta({ format: 'binary' }),
          304: z.undefined(),
          404: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const picture = await findPicture(ctx.db, request.params.sha256);
      if (!picture) throw ApiError.notFound('wall picture');
      const etag = `"${picture.sha256}"`;
      reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
      const bytes = Buffer.from(
        picture.bytes.buffer,
        picture.bytes.byteOffset,
        picture.bytes.byteLength,
      );
      // The 200 schema documents binary bytes as OpenAPI spells them (a string); Fastify sends
      // a Buffer as is, without the JSON serializer.
      return reply.type(picture.contentType).send(bytes as unknown as string);
    },
  );
};
