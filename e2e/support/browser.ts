import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * Flags of @sparticuz/chromium (made for AWS Lambda) left out. `--single-process`: with it,
 * closing one browser context takes the whole browser down, and every journey gets a context of
 * its own. The software GPU (SwiftShader): with `--disable-gpu` instead, pages still render and
 * screenshot, and a journey takes about a tenth less time on this 2-core machine.
 */
const DROPPED = new Set([
  '--single-process',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--in-process-gpu',
  '--ignore-gpu-blocklist',
]);

/**
 * Chromium from @sparticuz/chromium (the binary ships inside the npm package), driven by
 * playwright-core. The flags keep it off the network: this machine has none but loopback.
 */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [
      ...chromium.args.filter((arg) => !DROPPED.has(arg)),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    headless: true,
  });
}
