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
  await page.setContent(
    '<!doctype html><html><head><title>t</title></head><body><main><h1>Form</h1><input id="nameless" type="text"><img src="data:," id="no-alt"></main></body></html>',
  );
  const failure = await expectNoAxeViolations(page).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toMatch(/html-has-lang \(serious\)/);
  expect(failure).toMatch(/label \(critical\)[\s\S]*#nameless/);
  expect(failure).toMatch(/image-alt \(critical\)[\s\S]*#no-alt/);
  // axe only asks for a review of an id used twice and named by aria-labelledby: the helper fails on it.
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Twice</h1><section aria-labelledby="h"><h2 id="h">A</h2></section><section aria-labelledby="h"><h2 id="h">B</h2></section></main></body></html>',
  );
  expect(
    await expectNoAxeViolations(page).then(
      () => null,
      (error: Error) => error.message,
    ),
  ).toMatch(/duplicate-id-aria \(critical\)[\s\S]*same id attribute: h/);
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>Fine</h1><label for="a">Name</label><input id="a" type="text"></main></body></html>',
  );
  await expectNoAxeViolations(page);
  await page.close();
});
