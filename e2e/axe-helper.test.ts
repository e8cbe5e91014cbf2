import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { expectNoAxeViolations } from './support/axe.ts';

// The journeys trust this helper to fail on a real problem: check that it does, and says where.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('expectNoAxeViolations fails listing each violation id, impact and target', async () => {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><title>t</title></head><body><main><h1>Form</h1><input id="nameless" type="text"><img src="data:," id="no-alt"></main></body></html>');
  const failure = await expectNoAxeViolations(page).then(() => null, (error: Error) => error.message);
  expect(failure).toMatch(/html-has-lang \(serious\)/);
  expect(failure).toMatch(/label \(critical\)[\s\S]*#nameless/);
  expect(failure).toMatch(/image-alt \(critical\)[\s\S]*#no-alt/);
  await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Fine</h1><label for="a">Name</label><input id="a" type="text"></main></body></html>');
  await expectNoAxeViolations(page);
  await page.close();
});
