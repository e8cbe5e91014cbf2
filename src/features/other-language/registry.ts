// Every kind of item that may carry its other-language version, in the order they matter most
// (issue 16): the school's plan and self-evaluation first, then what collaboratives and LAs share.
import type { KindDef } from './kinds.ts';
import { SCHOOL_KINDS } from './school-kinds-service.ts';

export const OTHER_LANGUAGE_KINDS: readonly KindDef[] = [...SCHOOL_KINDS] as readonly KindDef[];
