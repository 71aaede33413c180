// After `expo export --platform web`: writes a brotli (.br) and a gzip (.gz) twin beside every
// text file of the export, once, at build time and at the highest levels, so the server sends
// them as they are (@fastify/static `preCompressed`) and never compresses on a request.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|map|svg|txt|xml|ico|ttf|otf|webmanifest)$/;
/** Below this a compressed answer saves less than its headers cost. */
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(entry.name)) yield full;
  }
}

const root = path.resolve(process.argv[2] ?? 'dist');
let before = 0;
let after = 0;
let count = 0;
for (const file of files(root)) {
  const raw = readFileSync(file);
  if (raw.length < MIN_BYTES) continue;
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
  // A twin that is not smaller is left out: the server then sends the file itself.
  if (br.length < raw.length) writeFileSync(`${file}.br`, br);
  if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
  before += raw.length;
  after += Math.min(br.length, raw.length);
  count += 1;
}
const kB = (n) => `${Math.round(n / 1024)} kB`;
console.log(`precompressed ${count} files of ${root}: ${kB(before)} → ${kB(after)} with brotli`);
