// What `npm start` does before the app loads: refuse an old Node, and build the stylesheet only when its sources changed.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const scripts = (
  JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const systemNode = '/usr/bin/node';
const systemMajor = fs.existsSync(systemNode)
  ? Number((await promisify(execFile)(systemNode, ['--version'])).stdout.slice(1).split('.')[0])
  : null;

/** An npm script's command run by the shell with `node` found on PATH, as npm runs it. */
async function runScript(name: string, pathDirs: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)('/bin/sh', ['-c', scripts[name]!], {
      cwd: root,
      env: { ...process.env, PATH: pathDirs, NODE_ENV: 'test', PORT: '0' },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('starting on the Node.js the project supports', () => {
  it.skipIf(systemMajor === null || systemMajor >= 24)(
    'refuses an older Node before loading anything, naming the version found, the one needed and how to get it',
    async () => {
      for (const script of ['start', 'build:css']) {
        const result = await runScript(script, `${path.dirname(systemNode)}:/bin`);
        expect(result.code).toBe(1);
        expect(result.output).toContain(`Cydwella needs Node.js 24 or newer, but this is Node.js ${systemMajor}.`);
        expect(result.output).toContain('npm ci installs Node.js 24 into node_modules');
        expect(result.output).toContain('https://nodejs.org/');
        // Nothing else ran: no stack trace from a module, no server.
        expect(result.output).not.toMatch(/at .*\.ts|Server listening/);
      }
    },
    60_000,
  );

  it('lets the project’s own Node through to what follows', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', './src/supported-node.js', '-e', 'console.log("after the check")'],
      { cwd: root },
    );
    expect(stdout).toBe('after the check\n');
  });
});

describe('the stylesheet build before start', () => {
  it('builds public/app.css once, then leaves it alone while its sources are unchanged', async () => {
    const nodeDir = path.dirname(process.execPath);
    const first = await runScript('build:css', `${nodeDir}:${process.env.PATH}`);
    expect(first.code).toBe(0);
    const css = path.join(root, 'public/app.css');
    const built = fs.statSync(css).mtimeMs;
    expect(fs.readFileSync(css, 'utf8')).toMatch(/^\uFEFF\/\*! sources-sha256:[0-9a-f]{64} \*\/\n.*\.govuk-header/s);

    const second = await runScript('build:css', `${nodeDir}:${process.env.PATH}`);
    expect(second).toEqual({ code: 0, output: '' });
    expect(fs.statSync(css).mtimeMs).toBe(built);
  }, 120_000);
});
