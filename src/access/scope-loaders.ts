// The registry of scope loaders: for each scope, which path parameters it reads and how it loads
// the record and decides. Each wraps the scope's
// load-and-decide function in loaders/<scope>.ts (which reads the record through the shared domain
// and asks the scope's policy in src/policy/): 404 for a record the user may not know of, 403 for
// one they may see but not act on as asked.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
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

export type ScopeLoader<S extends ScopeName> = {
  params: readonly Scopes[S]['params'][];
  load: (db: Db, request: FastifyRequest, ids: Record<Scopes[S]['params'], string>, need: ScopeNeed<S> | null) => Promise<ScopeContext<S>>;
};
export type ScopeLoaders = { [S in ScopeName]: ScopeLoader<S> };

export const scopeLoaders: ScopeLoaders = {
  school: { params: ['number'], load: (db, request, ids, need) => schoolAccess(db, request, ids.number, need ?? undefined) },
  governingBody: { params: ['number'], load: (db, request, ids, need) => governingBodyAccess(db, request, ids.number, need ?? undefined) },
  collaborative: { params: ['id'], load: (db, request, ids, need) => collaborativeAccess(db, request, ids.id, need ?? undefined) },
  enquiry: { params: ['id', 'enquiryId'], load: (db, request, ids, need) => enquiryAccess(db, request, ids.id, ids.enquiryId, need ?? undefined) },
  la: { params: ['code'], load: (db, request, ids, need) => laAccess(db, request, ids.code, need ?? undefined) },
  partnership: { params: ['id'], load: (db, request, ids, need) => partnershipAccess(db, request, ids.id, need ?? undefined) },
  plan: { params: ['planId'], load: (db, request, ids, need) => planAccess(db, request, ids.planId, need ?? undefined) },
  round: { params: ['roundId'], load: (db, request, ids) => roundAccess(db, request, ids.roundId) },
  concernCase: { params: ['id'], load: (db, request, ids, need) => caseAccess(db, request, ids.id, need ?? undefined) },
  caseStudy: { params: ['id'], load: (db, request, ids, need) => caseStudyAccess(db, request, ids.id, need ?? undefined) },
  national: { params: [], load: async (_db, request, _ids, need) => nationalAccess(request, need ?? undefined) },
};
