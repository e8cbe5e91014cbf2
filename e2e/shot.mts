import { launchBrowser } from './support/browser.ts';
const [url, out, width] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width ?? 1200), height: 900 } });
await page.goto(url!);
await page.screenshot({ path: out!, fullPage: true });
await browser.close();
