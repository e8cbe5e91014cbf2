// Page weights on the wire (issue 19 part 5): each page's bytes as sent, brotli, gzip and plain,
// with the stylesheet and scripts it links, against 60 KB; and what brotli costs per quality level.
// Called from bench/run.ts with the running server; alone (`npx tsx bench/page-weight.ts`) it starts
// a server on the demo data.
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOL } from '../src/demo/demo-data.ts';
import { BROTLI_QUALITY } from '../src/plugins/compression.ts';
import { signIn, startServer } from './server.ts';

const LIMIT_BYTES = 60 * 1024;
const ENCODINGS = ['br', 'gzip', 'identity'] as const;
type Encoding = (typeof ENCODINGS)[number];

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** The body exactly as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

function decoded(raw: Raw): string {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(raw.body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(raw.body).toString('utf8');
  return raw.body.toString('utf8');
}

/** The stylesheet and scripts a page links: what a first visit fetches beside it. */
function linkedAssets(html: string): string[] {
  const urls = [
    ...html.matchAll(/<link rel="(?:stylesheet|modulepreload)" href="([^"]+)"/g),
    ...html.matchAll(/<script [^>]*src="([^"]+)"/g),
  ].map((match) => match[1]!);
  return [...new Set(urls)];
}

type Weight = { name: string; bytes: Record<Encoding, number>; page: Record<Encoding, number> };

async function weigh(base: string, name: string, url: string, cookie?: string): Promise<Weight> {
  const bytes = { br: 0, gzip: 0, identity: 0 };
  const page = { br: 0, gzip: 0, identity: 0 };
  for (const encoding of ENCODINGS) {
    const headers = { 'accept-encoding': encoding, ...(cookie ? { cookie } : {}) };
    const response = await rawGet(`${base}${url}`, headers);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    page[encoding] = response.body.length;
    bytes[encoding] += response.body.length;
    for (const asset of linkedAssets(decoded(response))) {
      const file = await rawGet(`${base}${asset}`, { 'accept-encoding': encoding });
      if (file.status !== 200) throw new Error(`${asset} answered ${file.status}`);
      bytes[encoding] += file.body.length;
    }
  }
  return { name, bytes, page };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function median(run: () => void, times = 15): number {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    spent.push(performance.now() - started);
  }
  return spent.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

/** Brotli's cost at several qualities on one page and the stylesheet, beside the page's own time. */
async function brotliCost(base: string, url: string, cookie: string): Promise<string[]> {
  const html = Buffer.from(decoded(await rawGet(`${base}${url}`, { cookie, 'accept-encoding': 'identity' })));
  const css = (await rawGet(`${base}${linkedAssets(html.toString('utf8'))[0]!}`, { 'accept-encoding': 'identity' }))
    .body;
  const responseTimes: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    await rawGet(`${base}${url}`, { cookie, 'accept-encoding': 'identity' });
    responseTimes.push(performance.now() - started);
  }
  const render = responseTimes.sort((a, b) => a - b)[7]!;
  const lines = [
    `brotli cost on ${url} (${kb(html.length)} of HTML, answered plain in ${render.toFixed(1)} ms median) and the stylesheet (${kb(css.length)}):`,
  ];
  for (const quality of [1, 4, 5, 6, 9, 11]) {
    const options = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } };
    const page = median(() => zlib.brotliCompressSync(html, options));
    const style = median(() => zlib.brotliCompressSync(css, options), quality > 9 ? 3 : 15);
    lines.push(
      `  quality ${String(quality).padStart(2)}${quality === BROTLI_QUALITY ? ' (used)' : '       '}: page ${kb(zlib.brotliCompressSync(html, options).length).padStart(8)} in ${page.toFixed(2).padStart(6)} ms; stylesheet ${kb(zlib.brotliCompressSync(css, options).length).padStart(8)} in ${style.toFixed(2).padStart(7)} ms`,
    );
  }
  const gzipPage = median(() => zlib.gzipSync(html));
  lines.push(
    `  gzip (level 6)   : page ${kb(zlib.gzipSync(html).length).padStart(8)} in ${gzipPage.toFixed(2).padStart(6)} ms; stylesheet ${kb(zlib.gzipSync(css).length).padStart(8)}`,
    `  (pages are compressed per request at the quality used; the stylesheet and scripts once each, at 11)`,
  );
  return lines;
}

/**
 * Printable lines: the start, sign-in and each demo role's home, the school home and the plan page,
 * each with its stylesheet and scripts, brotli / gzip / plain, and a verdict against 60 KB (gzip, the
 * larger of the two compressed forms every browser takes).
 */
export async function benchPageWeights(
  base: string,
  plan: { schoolNumber: string; headEmail: string } = {
    schoolNumber: DEMO_SCHOOL,
    headEmail: DEMO_ACCOUNTS.find((a) => a.role === 'headteacher')!.email,
  },
): Promise<string[]> {
  const weights: Weight[] = [await weigh(base, 'start page (/)', '/'), await weigh(base, 'sign-in page', '/sign-in')];
  let headCookie = '';
  for (const account of DEMO_ACCOUNTS) {
    const cookie = await signIn(base, account.email, DEMO_PASSWORD);
    if (account.role === 'headteacher') headCookie = cookie;
    weights.push(await weigh(base, `home as ${account.role}`, '/', cookie));
  }
  weights.push(await weigh(base, 'school home', `/schools/${DEMO_SCHOOL}/home`, headCookie));
  const planCookie = await signIn(base, plan.headEmail, DEMO_PASSWORD);
  weights.push(await weigh(base, 'plan page', `/schools/${plan.schoolNumber}/plan`, planCookie));

  const lines = [
    'page weights on the wire, each page with its stylesheet and scripts (a first visit):',
    `${'page'.padEnd(34)}${'brotli'.padStart(10)}${'gzip'.padStart(10)}${'plain'.padStart(10)}${'page alone br/plain'.padStart(24)}  verdict (gzip, under 60 KB)`,
  ];
  for (const w of weights)
    lines.push(
      `${w.name.padEnd(34)}${kb(w.bytes.br).padStart(10)}${kb(w.bytes.gzip).padStart(10)}${kb(w.bytes.identity).padStart(10)}${`${kb(w.page.br)} / ${kb(w.page.identity)}`.padStart(24)}  ${w.bytes.gzip < LIMIT_BYTES ? 'MET' : 'NOT MET'}`,
    );
  const heaviest = weights.reduce((a, b) => (b.bytes.gzip > a.bytes.gzip ? b : a));
  lines.push(
    `every page under 60 KB compressed -> ${weights.every((w) => w.bytes.gzip < LIMIT_BYTES) ? 'MET' : 'NOT MET'} (heaviest: ${heaviest.name}, ${kb(heaviest.bytes.gzip)} gzip)`,
  );
  lines.push(...(await brotliCost(base, `/schools/${DEMO_SCHOOL}/home`, headCookie)));
  return lines;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3998));
  try {
    for (const line of await benchPageWeights(server.url)) console.log(line);
  } finally {
    await server.stop();
  }
}
