ALTER TABLE "plan_actions" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "concern_support_items" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "la_priority_actions" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_support_items" ADD CONSTRAINT "concern_support_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_priority_actions" ADD CONSTRAINT "la_priority_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_owner_user" ON "plan_actions" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "meeting_actions_owner_user" ON "meeting_actions" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "concern_support_items_owner_user" ON "concern_support_items" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "la_priority_actions_owner_user" ON "la_priority_actions" USING btree ("owner_user_id");--> statement-breakpoint
-- Backfill (issue 13): a free-text owner that names exactly one active person among those who can
-- see the action (case-insensitive, trimmed) becomes that person; any other text stays as it was.
-- Plan actions: the staff of the plan's school.
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
UPDATE plan_actions a SET owner_user_id = m.user_id FROM unique_match m WHERE a.id = m.action_id;--> statement-breakpoint
-- Meeting actions: the staff of the collaborative's member schools, its lead and its facilitators.
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
UPDATE meeting_actions a SET owner_user_id = m.user_id FROM unique_match m WHERE a.id = m.action_id;--> statement-breakpoint
-- LA priority actions: the LA's officers and improvement partners.
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
UPDATE la_priority_actions a SET owner_user_id = m.user_id FROM unique_match m WHERE a.id = m.action_id;--> statement-breakpoint
-- Concern support items (restricted): only who may open the case, as concern-case-policy.ts says:
-- the LA's officers, the school's headteacher and the chair of its governing body.
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
UPDATE concern_support_items i SET owner_user_id = m.user_id FROM unique_match m WHERE i.id = m.item_id;
