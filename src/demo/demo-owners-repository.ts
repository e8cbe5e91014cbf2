import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

// The demo's actions name their owners as people would type them; migration 0015 turns a name that
// matches exactly one person who can see the action into that person. The demo is loaded after the
// migrations ran, so it runs the same four statements (copied from 0015_action-owners.sql) once more.
const STATEMENTS = [
  sql.raw(`
WITH candidates AS (
  SELECT DISTINCT a.id AS action_id, u.id AS user_id
  FROM plan_actions a
  JOIN priorities p ON p.id = a.priority_id
  JOIN role_assignments r ON r.scope_type = 'school' AND r.scope_id = p.school_number
    AND r.role IN ('headteacher', 'school_leader', 'practitioner')
  JOIN users u ON u.id = r.user_id AND u.active
  WHERE a.owner_user_id IS NULL AND btrim(a.owner) <> '' AND lower(btrim(a.owner)) = lower(btrim(u.display_name))
), unique_match AS (
  SELECT action_id, (array_agg(user_id))[1] AS user_id FROM candidates GROUP BY action_id HAVING count(*) = 1
)
UPDATE plan_actions a SET owner_user_id = m.user_id FROM unique_match m WHERE a.id = m.action_id
`),
  sql.raw(`
WITH people AS (
  SELECT m.collaborative_id, r.user_id
  FROM collaborative_members m
  JOIN role_assignments r ON r.scope_type = 'school' AND r.scope_id = m.school_number
    AND r.role IN ('headteacher', 'school_leader', 'practitioner')
  UNION
  SELECT c.id, r.user_id FROM collaboratives c
  JOIN role_assignments r ON r.role = 'collaborative_lead' AND r.scope_id = c.id::text
  UNION
  SELECT f.collaborative_id, f.user_id FROM collaborative_facilitators f
), candidates AS (
  SELECT DISTINCT a.id AS action_id, u.id AS user_id
  FROM meeting_actions a
  JOIN meetings mt ON mt.id = a.meeting_id
  JOIN people p ON p.collaborative_id = mt.collaborative_id
  JOIN users u ON u.id = p.user_id AND u.active
  WHERE a.owner_user_id IS NULL AND btrim(a.owner) <> '' AND lower(btrim(a.owner)) = lower(btrim(u.display_name))
), unique_match AS (
  SELECT action_id, (array_agg(user_id))[1] AS user_id FROM candidates GROUP BY action_id HAVING count(*) = 1
)
UPDATE meeting_actions a SET owner_user_id = m.user_id FROM unique_match m WHERE a.id = m.action_id
`),
  sql.raw(`
WITH candidates AS (
  SELECT DISTINCT a.id AS action_id, u.id AS user_id
  FROM la_priority_actions a
  JOIN la_priorities p ON p.id = a.priority_id
  JOIN la_cycles c ON c.id = p.cycle_id
  JOIN role_assignments r ON r.scope_type = 'la' AND r.scope_id = c.la_code
    AND r.role IN ('la_officer', 'improvement_partner')
  JOIN users u ON u.id = r.user_id AND u.active
  WHERE a.owner_user_id IS NULL AND btrim(a.owner) <> '' AND lower(btrim(a.owner)) = lower(btrim(u.display_name))
), unique_match AS (
  SELECT action_id, (array_agg(user_id))[1] AS user_id FROM candidates GROUP BY action_id HAVING count(*) = 1
)
UPDATE la_priority_actions a SET owner_user_id = m.user_id FROM unique_match m WHERE a.id = m.action_id
`),
  sql.raw(`
WITH candidates AS (
  SELECT DISTINCT i.id AS item_id, u.id AS user_id
  FROM concern_support_items i
  JOIN concern_cases k ON k.id = i.case_id
  JOIN schools s ON s.number = k.school_number
  JOIN role_assignments r ON (r.role = 'la_officer' AND r.scope_id = k.la_code)
    OR (r.role = 'headteacher' AND r.scope_id = k.school_number)
    OR (r.role = 'chair_of_governors' AND r.scope_id = s.governing_body_id)
  JOIN users u ON u.id = r.user_id AND u.active
  WHERE i.owner_user_id IS NULL AND btrim(i.owner) <> '' AND lower(btrim(i.owner)) = lower(btrim(u.display_name))
), unique_match AS (
  SELECT item_id, (array_agg(user_id))[1] AS user_id FROM candidates GROUP BY item_id HAVING count(*) = 1
)
UPDATE concern_support_items i SET owner_user_id = m.user_id FROM unique_match m WHERE i.id = m.item_id
`),
];

/** Gives each demo action whose owner names one person who can see it that person (as 0015 did). */
export async function linkDemoActionOwners(db: Db): Promise<void> {
  for (const statement of STATEMENTS) await db.execute(statement);
}
