import { importResponseSchema } from '@sendlog/contract';
import type { ImportFormat, ImportResponse } from '@sendlog/contract';
import type { HttpClient } from '@sendlog/sync';
import { resultOf } from './apiResult';
import type { ApiResult } from './apiResult';

/** `POST /imports`: a logbook's file, sent as it is; the server reads it and stores its sessions. */
export interface ImportsApi {
  importLogbook(
    token: string,
    file: { format: ImportFormat; timeZone: string; bytes: Uint8Array<ArrayBuffer> },
  ): Promise<ApiResult<ImportResponse>>;
}

export function createImportsApi(http: HttpClient): ImportsApi {
  return {
    importLogbook: async (token, { format, timeZone, bytes }) =>
      resultOf(
        await http.send({
          method: 'POST',
          path: `/imports?format=${encodeURIComponent(format)}&tz=${encodeURIComponent(timeZone)}`,
          token,
          body: bytes,
          contentType: format === 'sendlog' ? 'application/json' : 'text/csv',
        }),
        importResponseSchema,
      ),
  };
}
