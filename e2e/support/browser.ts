import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * Chromium from @sparticuz/chromium (the binary ships inside the npm package), driven by
 * playwright-core. The flags keep it off the network: this machine has none but loopback.
 * Its `--single-process` (meant for AWS Lambda) is dropped: with it, closing one browser
 * context takes the whole browser down, and every journey gets a context of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [
      ...chromium.args.filter((arg) => arg !== '--single-process'),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    headless: true,
  });
}
