// A feature is given the parts of AppDeps it declared, and no others: at run time (what the plugin
// receives) and at typecheck (the @ts-expect-error lines fail `npm run typecheck` if they stop
// being errors, so the type-level rule is tested too).
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { describe, expect, it } from 'vitest';
import type { AppDeps, FeaturePlugin } from '../app-deps.ts';
import { feature } from './feature.ts';

const deps = {
  database: { kind: 'pglite' },
  mailer: { send: async () => undefined },
  delay: async () => undefined,
  config: { publicUrl: 'http://cydwella.test' },
  keys: { attachmentLinks: Buffer.from('key') },
} as unknown as AppDeps;

/** The option names the last plugin registered was given. */
let received: string[] = [];

async function given(f: ReturnType<typeof feature>): Promise<string[]> {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  await f.register(app, deps);
  await app.ready();
  await app.close();
  return received;
}
describe('feature(plugin, uses)', () => {
  it('hands the plugin exactly the parts it declared', async () => {
    const plugin: FeaturePlugin<'database' | 'config'> = async (_app, options) => {
      received = Object.keys(options).sort();
      expect(options.database).toBe(deps.database);
      expect(options.config).toBe(deps.config);
    };
    const f = feature(plugin, { database: true, config: true });
    expect(f.name).toBe('plugin');
    expect([...f.uses].sort()).toEqual(['config', 'database']);
    expect(await given(f)).toEqual(['config', 'database']);
  });

  it('hands a feature that declared nothing nothing', async () => {
    const none: FeaturePlugin<never> = async (_app, options) => {
      received = Object.keys(options);
    };
    expect(await given(feature(none, {}))).toEqual([]);
  });

  it('fails typecheck when a plugin reaches what it did not declare, or the declaration and the plugin disagree', () => {
    // @ts-expect-error the mailer is not in this plugin's slice
    const greedy: FeaturePlugin<'database'> = async (_app, { mailer }) => void mailer;
    const mailing: FeaturePlugin<'database' | 'mailer'> = async () => undefined;
    // @ts-expect-error the plugin needs the mailer, the declaration leaves it out
    const short = feature(mailing, { database: true });
    // @ts-expect-error the declaration names a key the plugin does not take
    const extra = feature(mailing, { database: true, mailer: true, keys: true });
    expect([greedy, short, extra]).toHaveLength(3);
  });
});
