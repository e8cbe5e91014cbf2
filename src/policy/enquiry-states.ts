/**
 * The peer-enquiry cycle (DOMAIN.md section 5): forward only, one step at a time, each by the
 * right person. The one step back is the host sending a drafted report back to be made sense of
 * again; cancelled and closed are final.
 */
import { ENQUIRY_STATES } from '../reference/record-states.ts';

export { ENQUIRY_STATES };
export type EnquiryState = (typeof ENQUIRY_STATES)[number];

/** Who acts in an enquiry. A host headteacher is also a host leader. */
export type EnquiryActor = 'hostHeadteacher' | 'hostLeader' | 'facilitator' | 'convenor';

export type Transition = { from: EnquiryState; to: EnquiryState; by: readonly EnquiryActor[] };

export const TRANSITIONS: readonly Transition[] = [
  { from: 'proposed', to: 'agreed', by: ['convenor'] },
  { from: 'agreed', to: 'preparing', by: ['hostLeader'] },
  { from: 'preparing', to: 'on_site', by: ['facilitator', 'hostLeader'] },
  { from: 'on_site', to: 'making_sense', by: ['facilitator'] },
  { from: 'making_sense', to: 'report_drafted', by: ['hostLeader', 'facilitator'] },
  { from: 'report_drafted', to: 'report_agreed', by: ['hostHeadteacher'] },
  { from: 'report_drafted', to: 'making_sense', by: ['hostLeader'] },
  { from: 'report_agreed', to: 'follow_up', by: ['hostLeader'] },
  { from: 'follow_up', to: 'closed', by: ['hostLeader', 'facilitator'] },
];

export const FINAL_STATES: readonly EnquiryState[] = ['closed', 'cancelled'];
/** Who may cancel: the host headteacher withdraws, or the convenors call it off. */
export const CANCELLERS: readonly EnquiryActor[] = ['hostHeadteacher', 'convenor'];

export const isEnquiryState = (value: unknown): value is EnquiryState =>
  typeof value === 'string' && (ENQUIRY_STATES as readonly string[]).includes(value);
export const isFinal = (state: string) => (FINAL_STATES as readonly string[]).includes(state);
/** States in which the team works with the host's material (the pack, the notes, the draft). */
export const isOpen = (state: string) => !isFinal(state);

/** Where the state stands on the way from proposed to closed (0-based), or -1 when cancelled. */
export const stepIndex = (state: string) =>
  state === 'cancelled' ? -1 : ENQUIRY_STATES.indexOf(state as EnquiryState);

/** Actors a person is: a host headteacher acts as a host leader too. */
export function actorsWithImplied(actors: Iterable<EnquiryActor>): Set<EnquiryActor> {
  const set = new Set(actors);
  if (set.has('hostHeadteacher')) set.add('hostLeader');
  return set;
}

export function findTransition(from: string, to: string): Transition | null {
  return TRANSITIONS.find((t) => t.from === from && t.to === to) ?? null;
}

/** May someone who is these actors move the enquiry from `from` to `to`? */
export function mayMove(actors: Iterable<EnquiryActor>, from: string, to: string): boolean {
  const held = actorsWithImplied(actors);
  if (to === 'cancelled') return !isFinal(from) && CANCELLERS.some((a) => held.has(a));
  const transition = findTransition(from, to);
  return !!transition && transition.by.some((a) => held.has(a));
}

/** The moves (not cancelling) these actors may make now, forward first. */
export function movesFor(actors: Iterable<EnquiryActor>, from: string): EnquiryState[] {
  return TRANSITIONS.filter((t) => t.from === from && mayMove(actors, from, t.to)).map((t) => t.to);
}
