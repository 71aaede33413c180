// Expo's default config already watches the npm workspace root, so Metro sees packages/*.
const { getDefaultConfig } = require('expo/metro-config');

const config = getDefaultConfig(__dirname);

// The workspace packages are TypeScript written for Node's ESM resolution: their relative imports
// name the emitted `.js` file (`./limits.js`) while the source on disk is `./limits.ts`.
// Metro resolves source files, so it tries the TypeScript twin when the `.js` file does not exist.
const resolveDefault = config.resolver.resolveRequest;
config.resolver.resolveRequest = (context, moduleName, platform) => {
  const resolve = resolveDefault ?? context.resolveRequest;
  if (/^\.{1,2}\/.*\.js$/.test(moduleName)) {
    try {
      return resolve(context, moduleName, platform);
    } catch {
      return resolve(context, moduleName.replace(/\.js$/, ''), platform);
    }
  }
  return resolve(context, moduleName, platform);
};

module.exports = config;
