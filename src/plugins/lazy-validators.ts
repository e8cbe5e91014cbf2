// Fastify compiles every route's request schemas with Ajv while the app gets ready: with some 400
// routes that was the largest part of building the app at start (about 0.8 s of CPU, issue 19), and
// the compiled code stayed in memory for routes nobody calls. This is Fastify's own compiler (the
// same Ajv options and plugins), asked for a route's validator the first time a request reaches it.
// A schema Ajv refuses then fails that route's first request instead of the start; every route's
// schemas are exercised by test/request-schemas.test.ts.
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type RouteSchema = { schema: unknown; method: string; url: string; httpPart?: string };
type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Compile = (route: RouteSchema) => Validate;
type BuildValidator = (externalSchemas: unknown, ajvOptions: unknown) => Compile;

// Fastify's own dependency, resolved from Fastify so it is the very compiler Fastify would use.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const AjvCompiler = fromFastify('@fastify/ajv-compiler') as () => BuildValidator;

export function lazyValidators(build: BuildValidator = AjvCompiler()): BuildValidator {
  return (externalSchemas, ajvOptions) => {
    const compile = build(externalSchemas, ajvOptions);
    return (route) => {
      let compiled: Validate | undefined;
      const validator = () => (compiled ??= compile(route));
      const validate: Validate = function (this: unknown, data: unknown, context?: unknown) {
        const own = validator();
        const result = own.call(this, data, context);
        validate.errors = own.errors;
        return result;
      };
      // Fastify reads schemaEnv before validating, to let Ajv change the request part itself
      // (coercion, defaults): the compiled validator's own answer, so both behave alike.
      Object.defineProperty(validate, 'schemaEnv', { get: () => validator().schemaEnv });
      return validate;
    };
  };
}

/** For Fastify's `schemaController` option. */
export const lazySchemaController = {
  compilersFactory: { buildValidator: lazyValidators() },
} as unknown as NonNullable<FastifyServerOptions['schemaController']>;
