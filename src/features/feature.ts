import type { AppDeps, FeaturePlugin } from '../app-deps.ts';

/** The app a feature registers on (its type does not depend on what the feature is given). */
export type FeatureApp = Parameters<FeaturePlugin<never>>[0];

/** A feature as buildApp registers it: with the parts of AppDeps it declared, and no others. */
export type Feature = {
  /** The plugin's own name, for start-up errors and tests. */
  name: string;
  /** The parts of AppDeps it is given. */
  uses: readonly (keyof AppDeps)[];
  register: (app: FeatureApp, deps: AppDeps) => Promise<void>;
};

/**
 * Pairs a feature's plugin with the parts of AppDeps it is given. `uses` must name exactly the parts
 * in the plugin's own type (a missing or an extra one fails typecheck), and only those are passed at
 * run time, so a feature that does not send mail cannot reach the mailer even by a cast.
 */
export function feature<K extends keyof AppDeps>(
  plugin: FeaturePlugin<K>,
  uses: NoInfer<{ [P in K]-?: true }>,
): Feature {
  const keys = Object.keys(uses) as K[];
  // Object.fromEntries cannot know its keys are exactly K; `keys` came from a record with K's keys.
  const slice = (deps: AppDeps) => Object.fromEntries(keys.map((key) => [key, deps[key]])) as Pick<AppDeps, K>;
  return {
    name: plugin.name,
    uses: keys,
    register: async (app, deps) => {
      await app.register(plugin, slice(deps));
    },
  };
}
