import { ESTYN_CATEGORIES, NOTICE_GROUNDS, STATES, type Ground, type Source, type State } from './concern-reference.ts';

type CaseFacts = { state: string; source: string; grounds: readonly string[] };

/**
 * The states a case may move to next by an officer's decision. Forward only: open -> warning notice
 * -> intervention -> monitoring; an Estyn category may go straight from open to intervention or
 * monitoring; exit is reached from any state through the exit form (with its date and reason).
 * Moving to "warning notice" happens by issuing one, never by a button.
 */
export function nextStates(c: CaseFacts): State[] {
  switch (c.state) {
    case 'open':
      return ESTYN_CATEGORIES.includes(c.source as Source) ? ['intervention', 'monitoring'] : [];
    case 'warning_notice':
      return ['intervention', 'monitoring'];
    case 'intervention':
      return ['monitoring'];
    default:
      return [];
  }
}

export const canMoveTo = (c: CaseFacts, to: State) => nextStates(c).includes(to);

/** A warning notice can be given while the case is open or already under notice, and only on grounds 1 to 6. */
export const canIssueNotice = (c: CaseFacts) =>
  (c.state === 'open' || c.state === 'warning_notice') && noticeGrounds(c.grounds).length > 0;
export const noticeGrounds = (grounds: readonly string[]) =>
  NOTICE_GROUNDS.filter((g) => grounds.includes(g)) as Ground[];

/** Interventions are recorded once a notice was given (or an Estyn category allows it), and until exit. */
export function canRecordIntervention(c: CaseFacts): boolean {
  if (c.state === 'intervention') return true;
  return canMoveTo(c, 'intervention');
}

export const isOpenCase = (c: { state: string }) => c.state !== 'exited';
export const canExit = isOpenCase;

/** The state after an intervention is recorded: intervention, unless the case is already further on. */
export function stateAfterIntervention(state: string): State {
  return STATES.indexOf(state as State) > STATES.indexOf('intervention') ? (state as State) : 'intervention';
}

/** The compliance period's last day: the notice's issue date plus the period in days. */
export function complianceEnds(issuedOn: string, days: number): string {
  const d = new Date(`${issuedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
