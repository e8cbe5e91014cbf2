import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  CYCLE_STAGES,
  EVIDENCE_SOURCES,
  FINDING_KINDS,
  PRIORITY_STATES,
} from '../../reference/reference-data.ts';
import {
  LA_SELF_EVALUATION_CODES,
  laCycles,
  laEvidence,
  laFindings,
  laPriorities,
  laPriorityActions,
} from './local-authority.ts';

// The schema writes the code lists out (src/db imports nothing above it); the CHECKs must allow
// exactly what the services accept, or a valid save fails in the database, or a bad one gets in.
describe('the CHECKs on the LA self-evaluation', () => {
  it('allow exactly the values of the reference lists', () => {
    expect(LA_SELF_EVALUATION_CODES).toEqual({
      stage: CYCLE_STAGES,
      source: EVIDENCE_SOURCES,
      kind: FINDING_KINDS,
      state: PRIORITY_STATES,
      status: ACTION_STATUSES,
    });
  });

  it('are on every coded column of its tables', () => {
    const checks = [laCycles, laEvidence, laFindings, laPriorities, laPriorityActions].flatMap((table) =>
      getTableConfig(table).checks.map((c) => c.name),
    );
    expect(checks).toEqual([
      'la_cycles_stage_known',
      'la_evidence_source_known',
      'la_findings_kind_known',
      'la_priorities_state_known',
      'la_priority_actions_status_known',
    ]);
  });
});
