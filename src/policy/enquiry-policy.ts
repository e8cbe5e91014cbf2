import type { CurrentUser } from './roles.ts';
import { actorsWithImplied, isOpen, mayMove, movesFor, type EnquiryActor } from './enquiry-states.ts';

/** What the rules need to know of an enquiry. */
export type EnquiryScope = {
  state: string;
  hostSchoolNumber: string;
  facilitatorId: string | null;
  reviewerIds: readonly string[];
};
/** What the collaborative's own policy said of this user (`collaborativeCan`). */
export type CollaborativeFacts = { space: boolean; convene: boolean };

const PACK_STATES = ['agreed', 'preparing', 'on_site', 'making_sense', 'report_drafted'];
const NOTE_STATES = ['on_site', 'making_sense'];
const REPORT_STATES = ['making_sense', 'report_drafted'];
const FOLLOW_UP_STATES = ['report_agreed', 'follow_up'];

function hostRole(user: CurrentUser | null, school: string) {
  const roles = (user?.assignments ?? [])
    .filter((a) => a.scopeType === 'school' && a.scopeId === school)
    .map((a) => a.role);
  if (roles.includes('headteacher')) return 'headteacher';
  if (roles.includes('school_leader')) return 'school_leader';
  return roles.includes('practitioner') ? 'practitioner' : null;
}

/** The parts this person plays in this enquiry. */
export function enquiryActors(
  user: CurrentUser | null,
  collaborative: CollaborativeFacts,
  enquiry: EnquiryScope,
): Set<EnquiryActor> {
  const role = hostRole(user, enquiry.hostSchoolNumber);
  const actors: EnquiryActor[] = [];
  if (role === 'headteacher') actors.push('hostHeadteacher');
  if (role === 'school_leader') actors.push('hostLeader');
  if (user && enquiry.facilitatorId === user.id) actors.push('facilitator');
  if (collaborative.convene) actors.push('convenor');
  return actorsWithImplied(actors);
}

/**
 * Who may do what in one enquiry (DOMAIN.md section 5; section 7 rules 1, 4 and 6).
 * - The headline (host, question, themes, dates, state, team) is for the collaborative's space.
 * - The material (pack, notes, findings, report) belongs to the host: its staff always see it;
 *   the team (facilitator and reviewers) while the enquiry is open. When it ends, a team member
 *   keeps only their own notes.
 * - Adding to the pack widens who sees the host's items: the headteacher only (rule 2).
 */
export function enquiryCan(user: CurrentUser | null, collaborative: CollaborativeFacts, enquiry: EnquiryScope) {
  const role = hostRole(user, enquiry.hostSchoolNumber);
  const hostStaff = role !== null;
  const hostLeader = role === 'headteacher' || role === 'school_leader';
  const hostHeadteacher = role === 'headteacher';
  const facilitator = !!user && enquiry.facilitatorId === user.id;
  const reviewer = !!user && enquiry.reviewerIds.includes(user.id);
  const team = facilitator || reviewer;
  const open = isOpen(enquiry.state);
  const state = enquiry.state;
  const material = hostStaff || (team && open);
  const actors = enquiryActors(user, collaborative, enquiry);
  return {
    hostStaff,
    hostLeader,
    hostHeadteacher,
    facilitator,
    reviewer,
    team,
    seeHeadline: collaborative.space || team || hostStaff,
    readPack: material && state !== 'proposed',
    /** A team member whose access to the pack has ended with the enquiry. */
    packEnded: !hostStaff && team && !open,
    addPackItem: hostHeadteacher && PACK_STATES.includes(state),
    removePackItem: hostLeader && PACK_STATES.includes(state),
    writeNote: team && NOTE_STATES.includes(state),
    readAllNotes: material,
    readOwnNotes: team,
    addFinding: (team || hostLeader) && state === 'making_sense',
    readFindings: material,
    writeReport: (hostLeader || facilitator) && REPORT_STATES.includes(state),
    readReport: material,
    agreeReport: hostHeadteacher && state === 'report_drafted',
    sendBack: mayMove(actors, state, 'making_sense') && state === 'report_drafted',
    addFollowUp: hostLeader && FOLLOW_UP_STATES.includes(state),
    agree: mayMove(actors, state, 'agreed'),
    /** Forward moves other than agreeing (its own form) and agreeing the report (its own button). */
    advance: movesFor(actors, state).filter(
      (to) => !['agreed', 'report_agreed'].includes(to) && !(state === 'report_drafted' && to === 'making_sense'),
    ),
    cancel: mayMove(actors, state, 'cancelled'),
  };
}
export type EnquiryCan = ReturnType<typeof enquiryCan>;

/** May this author still change this note? Only their own, and only until making sense ends. */
export const mayEditNote = (userId: string | undefined, can: EnquiryCan, note: { authorId: string }) =>
  can.writeNote && note.authorId === userId;
