import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps, AppOptions } from './app-deps.ts';
import { i18nPlugin } from './plugins/i18n.ts';
import { cookiePlugin, csrfEnforcementPlugin, securityPlugin } from './plugins/security.ts';
import { sessionPlugin } from './plugins/session.ts';
import { apiTokenPlugin } from './plugins/api-token.ts';
import { authenticateApiToken } from './features/api-tokens/api-token-service.ts';
import { policyPlugin, type RegisteredRoute } from './plugins/policy.ts';
import { scopePlugin } from './access/scope-plugin.ts';
import { viewsPlugin } from './plugins/views.ts';
import { countUnread } from './notifications/notifications-repository.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { cacheControlPlugin } from './plugins/cache-control.ts';
import { compressionPlugin } from './plugins/compression.ts';
import { hashedAssetsPlugin, loadHashedAssets } from './plugins/hashed-assets.ts';
import { requestSerializer } from './plugins/log-serializers.ts';
import { features } from './features/index.ts';
import { postgresRateLimitStore } from './rate-limit/postgres-rate-limit-store.ts';
import { inputGuardPlugin } from './plugins/input-guard.ts';
import { finiteNumbersKeyword } from './lib/request-schemas.ts';
import { lazySchemaController } from './plugins/lazy-validators.ts';
import { derivePurposeKeys } from './lib/secrets.ts';
import { systemClock } from './lib/clock.ts';
import { createJobRunner } from './jobs/runner.ts';

export type App = FastifyInstance & { routeRegistry: RegisteredRoute[] };

const rootDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const govukDist = path.join(
  path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist/govuk',
);

const hopsWithin = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Builds the whole app; never listens (tests use app.inject, main.ts listens). */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const keys = derivePurposeKeys(config.cookieSecret);
  // Features get the config without the secret, and only the keys derived for their own uses.
  const { cookieSecret: _secret, ...featureConfig } = config;
  const deps: AppDeps = {
    database,
    mailer: options.mailer,
    delay: options.delay,
    clock,
    config: featureConfig,
    keys: {
      attachmentLinks: keys.attachmentLinks,
      unsubscribeLinks: keys.unsubscribeLinks,
      singleSignOn: keys.singleSignOn,
      twoFactorSecrets: keys.twoFactorSecrets,
    },
    // Not started here: main.ts starts the runner it passes in, and tests only when they need jobs.
    jobs:
      options.jobs ??
      createJobRunner({
        database,
        clock,
        mailer: options.mailer,
        config: featureConfig,
        keys: { unsubscribeLinks: keys.unsubscribeLinks },
      }),
  };
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: { req: requestSerializer },
    },
    bodyLimit: config.bodyLimitBytes,
    // A hop count as Fastify itself reads one (its types take only the function form).
    trustProxy: typeof config.trustProxy === 'number' ? hopsWithin(config.trustProxy) : config.trustProxy,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    ajv: { plugins: [finiteNumbersKeyword] },
    schemaController: lazySchemaController,
  }).withTypeProvider<TypeBoxTypeProvider>();
  const registry: RegisteredRoute[] = [];
  const hashed = loadHashedAssets({ publicDir: path.join(rootDir, 'public'), govukDist });

  // A response finished while shutting down closes its connection: otherwise close() waits for
  // keep-alive clients (up to Fastify's 72 s keepAliveTimeout), longer than any orchestrator allows.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  // Tier 1: cross-cutting plugins, in the order a request meets them.
  await app.register(policyPlugin, { registry });
  await app.register(cacheControlPlugin);
  // Before any route: it compresses the routes registered after it.
  if (config.compress) await app.register(compressionPlugin);
  await app.register(cookiePlugin, { key: keys.cookies });
  await app.register(i18nPlugin, { secureCookies: config.secureCookies });
  await app.register(securityPlugin, {
    secureCookies: config.secureCookies,
    rateLimitPerMinute: config.rateLimitPerMinute,
    // Several instances may share a PostgreSQL server, so they share its counts; PGlite is one process.
    rateLimitStore:
      database.kind === 'postgres'
        ? postgresRateLimitStore(database.db, (error) =>
            app.log.warn({ err: error }, 'rate-limit sweep of ended windows failed'),
          )
        : undefined,
  });
  await app.register(sessionPlugin, {
    db: database.db,
    clock,
    settings: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
  });
  await app.register(apiTokenPlugin, {
    authenticate: (token, now) => authenticateApiToken(database.db, token, now),
    clock,
    perTokenPerMinute: config.apiTokenRateLimitPerMinute,
  });
  await app.register(inputGuardPlugin);
  await app.register(csrfEnforcementPlugin);
  // After the CSRF check, so a forged request learns nothing of the record it names.
  await app.register(scopePlugin, { db: database.db });
  await app.register(viewsPlugin, {
    production: config.env !== 'development',
    assets: hashed.urls,
    unreadCount: options.unreadCount === undefined ? (userId) => countUnread(database.db, userId) : options.unreadCount,
  });
  await app.register(errorsPlugin, { routes: registry });

  // Tier 2: static files (public, no session).
  // GOV.UK Frontend's fonts and images keep their plain names and a day's cache, which is enough:
  // no page uses them. The stylesheet loads no font (Arial, the system's), and names one image, the
  // crest, only for the footer's Crown copyright logo, which our footer leaves out (not a GOV.UK service).
  await app.register(fastifyStatic, { root: path.join(govukDist, 'assets'), prefix: '/assets/', maxAge: '1d' });
  // Pages link the hashed names (a year, immutable); the plain names answer for pages open across an upgrade.
  await app.register(hashedAssetsPlugin, { assets: hashed.assets, compress: config.compress });
  await app.register(fastifyStatic, {
    root: [path.join(rootDir, 'public'), govukDist],
    prefix: '/static/',
    decorateReply: false,
    maxAge: '5m',
    allowedPath: (pathName) => !pathName.includes('..') && /^\/[\w.-]+\.(css|js|mjs|svg)$/.test(pathName),
  });

  // Tier 3: features.
  // Each is given only the parts of deps it declared (src/features/index.ts).
  for (const feature of features) await feature.register(app, deps);

  await app.ready();
  return Object.assign(app, { routeRegistry: registry }) as unknown as App;
}
