// Follows the @fastify/compress docs (global hook, encodings, threshold, customTypes, brotliOptions).
// Pages, styles and scripts go out brotli- or gzip-compressed when the browser asks for it
// (Accept-Encoding), unless COMPRESS=false says a proxy in front does it.
//
// Left alone: responses under 1 KB (the saving fits in the packet they already take), files that are
// compressed by their nature (PDF, images, Word and spreadsheets, which are zip files: none is a type
// mime-db calls compressible), partial responses, and anything already carrying a Content-Encoding.
// The default list's application/octet-stream is dropped: an attachment of unknown type is as likely
// to be compressed already, and compressing it costs CPU for nothing.
//
// Secrets in compressed pages (BREACH): a page's CSRF token is salted afresh on every response and
// the session lives only in a cookie, so no secret repeats across responses for an attacker to guess
// by length; the few secrets a page shows (a two-factor secret, a new API token or calendar address)
// are made once and shown once.
import zlib from 'node:zlib';
import fp from 'fastify-plugin';
import compress from '@fastify/compress';

/**
 * Brotli quality for responses compressed as they are sent. Measured on this app's pages (the school
 * home, 26 KB of HTML, rendered in about 10 ms; and the 140 KB stylesheet), see bench/page-weight.ts:
 * BROTLI_QUALITY_MEASURED below. Quality 4 costs a fraction of a millisecond on a page and
 * compresses better than gzip's default; from 5 upwards each step costs markedly more CPU for a few
 * per cent fewer bytes, and 11 takes longer than rendering the page did.
 */
export const BROTLI_QUALITY = 4;

/** Text types worth compressing; mime-db's compressible list adds the rarer ones. */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)|javascript(?:;|$)/u;

export const compressionPlugin = fp(async (app) => {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
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
