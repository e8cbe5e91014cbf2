// The stylesheet, scripts and icon under names that carry a hash of their bytes (/static/app.<hash>.css),
// so a browser keeps each for a year without asking again, and a new version is a new name: pages
// are never cached (no-store), so every page names the current files. The names are worked out once
// at start-up; the files are small (about 190 KB together) and are served from memory.
// The plain names (/static/app.css) still answer, from @fastify/static with a short cache, for a
// page that was open while the app was upgraded.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';

/** The URLs every page links to. */
export type AssetUrls = { css: string; js: string; govukJs: string; icon: string };

type Asset = { url: string; body: Buffer; type: string; etag: string };

export const IMMUTABLE = 'public, max-age=31536000, immutable';

// Where app.js imports GOV.UK Frontend from: rewritten to the hashed name, so a new version of
// GOV.UK Frontend changes app.js's bytes, and so its name, too.
const GOVUK_IMPORT = "'/static/govuk-frontend.min.js'";

function hashedAsset(name: string, body: Buffer, type: string): Asset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  const dot = name.lastIndexOf('.');
  return {
    url: `/static/${name.slice(0, dot)}.${hash}${name.slice(dot)}`,
    body,
    type,
    etag: `"${hash}"`,
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

export const hashedAssetsPlugin = fp(async (app, opts: { assets: Asset[]; compress: boolean }) => {
  for (const asset of opts.assets) {
    app.get(asset.url, { config: { access: { public: true } } }, async (request, reply) => {
      reply.header('cache-control', IMMUTABLE).header('etag', asset.etag).type(asset.type);
      // A cache between here and the browser must keep the compressed and plain copies apart.
      if (opts.compress) reply.header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      return reply.send(asset.body);
    });
  }
});
