// The registry of scope loaders: for each scope, which path parameters it reads, how it loads the
// record and decides, and which scopes' `can` the loaded context holds. Each wraps the scope's
// load-and-decide function in loaders/<scope>.ts (which reads the record through the shared domain
// and asks the scope's policy in src/policy/): 404 for a record the user may not know of, 403 for
// one they may see but not act on as asked.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { wgCan } from '../policy/national-policy.ts';
import type { CurrentUser } from '../policy/roles.ts';
import { caseStudyAccess } from './loaders/case-study.ts';
import { collaborativeAccess } from './loaders/collaborative.ts';
import { caseAccess } from './loaders/concern-case.ts';
import { enquiryAccess } from './loaders/enquiry.ts';
import { laAccess } from './loaders/la.ts';
import { nationalAccess } from './loaders/national.ts';
import { partnershipAccess } from './loaders/partnership.ts';
import { planAccess, roundAccess } from './loaders/plan.ts';
import { governingBodyAccess, schoolAccess } from './loaders/school.ts';
import type { ScopeContext, ScopeName, ScopeNeed, Scopes } from './scopes.ts';

/**
 * `cans`: the `can` of each scope the context has decided, for the same record (the same path
 * parameters): a school page's context answers for the school and its governing body, an enquiry's
 * for the enquiry and its collaborative. What `canOpen` reads to tell whether a link will open.
 * `canFor`: for a scope with no record (national), its `can` from the user alone, on any page.
 */
export type ScopeLoader<S extends ScopeName> = {
  params: readonly Scopes[S]['params'][];
  load: (
    db: Db,
    request: FastifyRequest,
    ids: Record<Scopes[S]['params'], string>,
    need: ScopeNeed<S> | null,
  ) => Promise<ScopeContext<S>>;
  cans: (context: ScopeContext<S>) => Partial<Record<ScopeName, object>>;
  canFor?: (user: CurrentUser | null) => object;
};
export type ScopeLoaders = { [S in ScopeName]: ScopeLoader<S> };

export const scopeLoaders: ScopeLoaders = {
  school: {
    params: ['number'],
    load: (db, request, ids, need) => schoolAccess(db, request, ids.number, need ?? undefined),
    cans: (ctx) => ({ school: ctx.can, governingBody: ctx.governingBodyCan }),
  },
  governingBody: {
    params: ['number'],
    load: (db, request, ids, need) => governingBodyAccess(db, request, ids.number, need ?? undefined),
    cans: (ctx) => ({ school: ctx.can, governingBody: ctx.governingBodyCan }),
  },
  collaborative: {
    params: ['id'],
    load: (db, request, ids, need) => collaborativeAccess(db, request, ids.id, need ?? undefined),
    cans: (ctx) => ({ collaborative: ctx.can }),
  },
  enquiry: {
    params: ['id', 'enquiryId'],
    load: (db, request, ids, need) => enquiryAccess(db, request, ids.id, ids.enquiryId, need ?? undefined),
    cans: (ctx) => ({ collaborative: ctx.can, enquiry: ctx.enquiryCan }),
  },
  la: {
    params: ['code'],
    load: (db, request, ids, need) => laAccess(db, request, ids.code, need ?? undefined),
    cans: (ctx) => ({ la: ctx.can }),
  },
  partnership: {
    params: ['id'],
    load: (db, request, ids, need) => partnershipAccess(db, request, ids.id, need ?? undefined),
    cans: (ctx) => ({ partnership: ctx.can }),
  },
  plan: {
    params: ['planId'],
    load: (db, request, ids, need) => planAccess(db, request, ids.planId, need ?? undefined),
    cans: (ctx) => ({ plan: ctx.can }),
  },
  // A round has no needs of its own: its loader lets WG in, and refuses everyone else.
  round: {
    params: ['roundId'],
    load: (db, request, ids) => roundAccess(db, request, ids.roundId),
    cans: () => ({ round: {} }),
  },
  concernCase: {
    params: ['id'],
    load: (db, request, ids, need) => caseAccess(db, request, ids.id, need ?? undefined),
    cans: (ctx) => ({ concernCase: ctx.can }),
  },
  caseStudy: {
    params: ['id'],
    load: (db, request, ids, need) => caseStudyAccess(db, request, ids.id, need ?? undefined),
    cans: (ctx) => ({ caseStudy: ctx.can }),
  },
  national: {
    params: [],
    load: async (_db, request, _ids, need) => nationalAccess(request, need ?? undefined),
    cans: (ctx) => ({ national: ctx.can }),
    canFor: wgCan,
  },
};
