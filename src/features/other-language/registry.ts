// Every kind of item that may carry its other-language version, in the order they matter most
// (issue 16): the school's plan and self-evaluation first, then what leaves it through others.
import type { KindDef } from './kinds.ts';
import { SCHOOL_KINDS } from './school-kinds-service.ts';
import { SHARED_KINDS } from './shared-kinds-service.ts';

export const OTHER_LANGUAGE_KINDS: readonly KindDef[] = [...SCHOOL_KINDS, ...SHARED_KINDS] as readonly KindDef[];
