// What a handler reads of the record its route declared (config.access.scope): the context the
// scope hook loaded and decided before the handler ran. Reading a scope the route did not declare
// is a programming error, never a user's: it fails loudly rather than skipping a check.
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../lib/http-error.ts';
import type { ScopeContext, ScopeName } from './scopes.ts';

/** The declared scope as loaded: its context, and the loader's keys read from the URL (`ids`). */
export type ResolvedScope = {
  [S in ScopeName]: { scope: S; context: ScopeContext<S>; ids: Record<string, string> };
}[ScopeName];

declare module 'fastify' {
  interface FastifyRequest {
    /** The record scope the route declared, loaded and decided by the scope hook (null when none). */
    accessScope: ResolvedScope | null;
    /** Loads and decides the declared scope again (the record changed under the handler), or refuses as the hook would. */
    reloadAccessScope(): Promise<void>;
    /** Whether the address will open for this reader (src/access/can-open.ts); templates get it as `canOpen`. */
    canOpen(address: string, given?: Partial<Record<ScopeName, object>>): boolean;
    /**
     * Whether the address opens for this reader now, decided on the server by its own route: the
     * coarse access, then its scope's loader run on the record the address names (a database read).
     * For a page that links to a record it has not loaded (a notification's subject).
     */
    mayOpen(address: string): Promise<boolean>;
  }
}

export function requestScope<S extends ScopeName>(request: FastifyRequest, scope: S): ScopeContext<S> {
  const resolved = request.accessScope;
  if (resolved?.scope !== scope) {
    throw new Error(
      `${request.method} ${request.routeOptions.url ?? request.url} reads the ${scope} scope but its route declares ${resolved?.scope ?? 'none'}`,
    );
  }
  return resolved.context as ScopeContext<S>;
}

export const schoolScope = (request: FastifyRequest) => requestScope(request, 'school');
export const governingBodyScope = (request: FastifyRequest) => requestScope(request, 'governingBody');
export const collaborativeScope = (request: FastifyRequest) => requestScope(request, 'collaborative');
export const enquiryScope = (request: FastifyRequest) => requestScope(request, 'enquiry');
export const laScope = (request: FastifyRequest) => requestScope(request, 'la');
export const partnershipScope = (request: FastifyRequest) => requestScope(request, 'partnership');
export const planScope = (request: FastifyRequest) => requestScope(request, 'plan');
export const roundScope = (request: FastifyRequest) => requestScope(request, 'round');
export const concernCaseScope = (request: FastifyRequest) => requestScope(request, 'concernCase');
export const caseStudyScope = (request: FastifyRequest) => requestScope(request, 'caseStudy');
export const nationalScope = (request: FastifyRequest) => requestScope(request, 'national');

/**
 * The declared scope loaded afresh, for a handler that must show the record as it now stands
 * (someone else changed it first): the same loader and need as the route's declaration.
 */
export async function reloadScope<S extends ScopeName>(request: FastifyRequest, scope: S): Promise<ScopeContext<S>> {
  await request.reloadAccessScope();
  return requestScope(request, scope);
}

/**
 * An item rule decided at run time (the need depends on the body or on the item): the route declared
 * the minimum, so the record is already known to be visible; this refuses the rest with 403.
 */
export function ensureCan<C extends object>(can: C, need: keyof C): void {
  if (!can[need]) throw new HttpError(403, 'forbidden');
}
