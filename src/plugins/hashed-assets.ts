// The stylesheet, scripts and icon under names that carry a hash of their bytes (/static/app.<hash>.css),
// so a browser keeps each for a year without asking again, and a new version is a new name: pages
// are never cached (no-store), so every page names the current files. The names are worked out once
// at start-up; the files are small (about 190 KB together) and are served from memory, compressed
// once each rather than on every request.
// The plain names (/static/app.css) still answer, from @fastify/static with a short cache, for a
// page that was open while the app was upgraded.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import fp from 'fastify-plugin';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { chooseEncoding, type ContentEncoding } from '../lib/accept-encoding.ts';
import { COMPRESS_THRESHOLD_BYTES } from './compression.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The URLs every page links to. */
export type AssetUrls = { css: string; js: string; govukJs: string; icon: string };

type Asset = { url: string; route: string; hash: string; body: Buffer; type: string; etag: string };

export const IMMUTABLE = 'public, max-age=31536000, immutable';
const HASH_LENGTH = 16;
const HashParams = Type.Object({
  hash: Type.String({ minLength: HASH_LENGTH, maxLength: HASH_LENGTH, pattern: `^[\\w-]{${HASH_LENGTH}}$` }),
});

// Where app.js imports GOV.UK Frontend from: rewritten to the hashed name, so a new version of
// GOV.UK Frontend changes app.js's bytes, and so its name, too.
const GOVUK_IMPORT = "'/static/govuk-frontend.min.js'";

function hashedAsset(name: string, body: Buffer, type: string): Asset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, HASH_LENGTH);
  const dot = name.lastIndexOf('.');
  const [stem, extension] = [name.slice(0, dot), name.slice(dot)];
  return {
    url: `/static/${stem}.${hash}${extension}`,
    // Any hash of the same file: find-my-way's pattern syntax; plain names stay with @fastify/static.
    route: `/static/${stem}.:hash(^[\\w-]{${HASH_LENGTH}}$)${extension}`,
    hash,
    body,
    type,
    // Weak: the same for the plain and compressed copies, which a strong tag must tell apart.
    etag: `W/"${hash}"`,
  };
}

/** Reads the files and names them by their contents; throws if app.js no longer imports GOV.UK Frontend as expected. */
export function loadHashedAssets(dirs: { publicDir: string; govukDist: string }): {
  urls: AssetUrls;
  assets: Asset[];
} {
  const js = 'text/javascript; charset=utf-8';
  const css = hashedAsset('app.css', fs.readFileSync(path.join(dirs.publicDir, 'app.css')), 'text/css; charset=utf-8');
  const govuk = hashedAsset(
    'govuk-frontend.min.js',
    fs.readFileSync(path.join(dirs.govukDist, 'govuk-frontend.min.js')),
    js,
  );
  const appSource = fs.readFileSync(path.join(dirs.publicDir, 'app.js'), 'utf8');
  if (!appSource.includes(GOVUK_IMPORT))
    throw new Error(`public/app.js must import GOV.UK Frontend from ${GOVUK_IMPORT}`);
  const app = hashedAsset('app.js', Buffer.from(appSource.replace(GOVUK_IMPORT, `'${govuk.url}'`)), js);
  const icon = hashedAsset('favicon.svg', fs.readFileSync(path.join(dirs.publicDir, 'favicon.svg')), 'image/svg+xml');
  return { urls: { css: css.url, js: app.url, govukJs: govuk.url, icon: icon.url }, assets: [css, govuk, app, icon] };
}

/**
 * Each file compressed once, at the best (slowest) settings, on the first request that asks for that
 * encoding, off the event loop; then kept (about 35 KB for both copies of everything). Brotli at 11
 * takes about 0.2 s on the stylesheet, too slow for every request but nothing once.
 */
function compressedCopies(body: Buffer) {
  const copies = new Map<ContentEncoding, Promise<Buffer>>();
  const make = {
    br: () => brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } }),
    gzip: () => gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  };
  return (encoding: ContentEncoding): Promise<Buffer> => {
    let copy = copies.get(encoding);
    if (!copy) copies.set(encoding, (copy = make[encoding]()));
    return copy;
  };
}

/**
 * Each file at its hashed name, immutable. Another hash of the same file (while instances are
 * upgraded one by one, a page from a new one can ask an old one for the new file, or the other way
 * round) gets the file this instance has, to be checked again on every use (no-cache): a page
 * styled by the neighbouring version rather than not at all, and never cached under the wrong name.
 */
export const hashedAssetsPlugin = fp(async (instance, opts: { assets: Asset[]; compress: boolean }) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  for (const asset of opts.assets) {
    const compressed = compressedCopies(asset.body);
    const worthCompressing = opts.compress && asset.body.length >= COMPRESS_THRESHOLD_BYTES;
    app.get(
      asset.route,
      { config: { access: { public: true } }, schema: { params: HashParams } },
      async (request, reply) => {
        const current = request.params.hash === asset.hash;
        reply
          .header('cache-control', current ? IMMUTABLE : 'no-cache')
          .header('etag', asset.etag)
          .type(asset.type);
        // A cache between here and the browser must keep the compressed and plain copies apart.
        if (worthCompressing) reply.header('vary', 'accept-encoding');
        if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
        const encoding = worthCompressing ? chooseEncoding(request.headers['accept-encoding']) : null;
        if (!encoding) return reply.send(asset.body);
        // Already encoded: @fastify/compress passes it on as it is.
        return reply.header('content-encoding', encoding).send(await compressed(encoding));
      },
    );
  }
});
