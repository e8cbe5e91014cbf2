// Follows the @fastify/compress docs (global hook, encodings, threshold, customTypes, brotliOptions).
// Pages, styles and scripts go out brotli- or gzip-compressed when the browser asks for it
// (Accept-Encoding), unless COMPRESS=false says a proxy in front does it.
//
// Left alone: responses under 1 KB, files that are compressed by their nature (PDF, images, Word and
// spreadsheets, which are zip files: none is a type mime-db calls compressible), partial responses,
// and anything already carrying a Content-Encoding (the hashed stylesheet and scripts).
// The default list's application/octet-stream is dropped: an attachment of unknown type is as likely
// to be compressed already, and compressing it costs CPU for nothing.
//
// Secrets in compressed pages (BREACH): a page's CSRF token is salted afresh on every response and
// the session lives only in a cookie, so no secret repeats across responses for an attacker to guess
// by length; the few secrets a page shows (a two-factor secret, a new API token or calendar address)
// are new on each page that shows them, or shown again only in answer to the person's own form,
// which a forged cross-site request cannot send (CSRF).
import zlib from 'node:zlib';
import fp from 'fastify-plugin';
import compress from '@fastify/compress';

/**
 * Brotli quality for pages, compressed as they are sent (each is rendered for its request). Measured
 * by bench/page-weight.ts on the demo school home (16 KB of HTML, answered in 16 ms):
 *   quality 1: 4.1 KB in 0.06 ms; 4: 3.5 KB in 0.15 ms; 5: 3.2 KB in 0.21 ms; 6: 3.2 KB in 0.23 ms;
 *   9: 3.2 KB in 6.3 ms; 11: 2.9 KB in 35 ms (gzip level 6: 3.6 KB in 0.10 ms).
 * 5 is the knee: about 1% of the page's own time, 10% smaller than 4 and than gzip. Beyond it, 9
 * saves nothing more and costs 40% of the page's time, 11 twice the page's time for 0.3 KB.
 * (The stylesheet and scripts are compressed once, at 11: src/plugins/hashed-assets.ts.)
 */
export const BROTLI_QUALITY = 5;

/** Smaller responses go as they are: the saving would fit in the packet they already take. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** Text types worth compressing; mime-db's compressible list adds the rarer ones. */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)|javascript(?:;|$)/u;

export const compressionPlugin = fp(async (app) => {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    customTypes: COMPRESSIBLE,
    brotliOptions: {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    },
    // Request bodies are read as sent: nothing this app serves sends a compressed one, and inflating
    // them would let a small body grow past what the client sent.
    globalDecompression: false,
  });
});
