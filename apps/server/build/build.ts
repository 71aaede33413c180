import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * `npm run build`: the server as JavaScript in apps/server/dist, run by plain `node` (no tsx).
 *
 * The workspace packages export their TypeScript source (`./src/index.ts`), which is what the
 * tests, tsx, Metro and the editor want. Rather than give every one of those tools a custom
 * export condition, the build carries its own compiled copy of each package the server uses,
 * in dist/node_modules/@sendlog/<name> with a package.json pointing at the JavaScript: Node's
 * resolution from dist/main.js finds that folder before the workspace's symlinks, and every
 * third-party package still comes from the repository's node_modules. dist/ keeps src/'s
 * layout, so the migrations (../drizzle) and the demo gym (../gym) are found as in development.
 */

const SERVER = fileURLToPath(new URL('..', import.meta.url));
const REPO = path.resolve(SERVER, '../..');
const DIST = path.join(SERVER, 'dist');
/** The workspace packages compiled along (tsconfig.build.json references their projects). */
const PACKAGES = ['packages/contract', 'packages/rules'];

interface PackageJson {
  name: string;
  version: string;
  description?: string;
  dependencies?: Record<string, string>;
}

// From scratch: a source file deleted since the last build must not live on in dist/.
rmSync(DIST, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '--build', path.join(SERVER, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

for (const dir of PACKAGES) {
  const source = JSON.parse(
    readFileSync(path.join(REPO, dir, 'package.json'), 'utf8'),
  ) as PackageJson;
  const out = path.join(DIST, 'node_modules', source.name);
  mkdirSync(out, { recursive: true });
  const built = {
    name: source.name,
    version: source.version,
    private: true,
    type: 'module',
    ...(source.description ? { description: source.description } : {}),
    main: './index.js',
    types: './index.d.ts',
    exports: { '.': { types: './index.d.ts', default: './index.js' } },
    ...(source.dependencies ? { dependencies: source.dependencies } : {}),
  };
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(built, null, 2)}\n`);
}
console.log(`[build] ${path.relative(REPO, DIST)}/main.js: run it with node (npm run start:built)`);
