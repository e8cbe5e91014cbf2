// npm run build:css (and before npm start and the tests): compiles src/styles into public/app.css,
// unless the stylesheet there was already built from exactly these sources. Compiling GOV.UK
// Frontend's Sass takes seconds, and every start would otherwise pay for it.
// Runs on Node's own TypeScript support (no tsx), after src/supported-node.js has checked the version.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.join(import.meta.dirname, '../..');
const entry = path.join(root, 'src/styles/app.scss');
const output = path.join(root, 'public/app.css');
const require = createRequire(import.meta.url);

function scssFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? scssFiles(path.join(dir, e.name)) : e.name.endsWith('.scss') ? [path.join(dir, e.name)] : [],
    )
    .sort();
}

/** Our sources, and the versions of GOV.UK Frontend (whose Sass we import) and of the compiler. */
function sourcesKey(): string {
  const hash = createHash('sha256');
  for (const file of scssFiles(path.join(root, 'src/styles')))
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  const version = (packageJson: string) =>
    (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;
  // sass exports no package.json; its main file sits beside it.
  const sassVersion = version(path.join(path.dirname(require.resolve('sass')), 'package.json'));
  hash.update(`govuk-frontend@${version(require.resolve('govuk-frontend/package.json'))} sass@${sassVersion}`);
  return hash.digest('hex');
}

// The key rides in the stylesheet's first line (a comment compression keeps), so it can never
// describe a different file than the one beside it.
const key = sourcesKey();
const marker = `/*! sources-sha256:${key} */`;
const BOM = '\uFEFF';
const current = fs.existsSync(output) ? fs.readFileSync(output, 'utf8').replace(BOM, '').slice(0, marker.length) : '';
if (current === marker && !process.argv.includes('--force')) process.exit(0);

// Loaded only when needed: importing the compiler alone costs most of a second.
const sass = await import('sass');
const compiled = sass.compile(entry, {
  style: 'compressed',
  sourceMap: false,
  quietDeps: true,
  importers: [new sass.NodePackageImporter()],
});
fs.mkdirSync(path.dirname(output), { recursive: true });
// Sass marks non-ASCII output with a byte-order mark, which only means something at the very start.
const css = compiled.css.startsWith(BOM) ? compiled.css.slice(1) : compiled.css;
fs.writeFileSync(`${output}.part`, `${BOM}${marker}\n${css}\n`);
fs.renameSync(`${output}.part`, output);
console.log(`Built ${path.relative(root, output)} from src/styles.`);
