CREATE TABLE "plan_action_support" (
	"action_id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_requests" ADD COLUMN "from_plan" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_action_support" ADD CONSTRAINT "plan_action_support_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_support" ADD CONSTRAINT "plan_action_support_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_action_support_request" ON "plan_action_support" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "support_requests_priority" ON "support_requests" USING btree ("priority_id","status");--> statement-breakpoint
-- Issue 15, data: every action that asked for support before asking made a request becomes one, so
-- nothing asked for stays lost. An action asking its collaborative goes to the school's active
-- collaborative (the first by name when it is in several, as nobody recorded which one it meant);
-- a school in none has its LA broker it instead, so the ask still reaches someone. Actions of one
-- priority asking the same broker share one request: an open one already there (their needs added
-- to it), or a new one. The need is the action's support detail, then what the action will do.
CREATE TEMP TABLE "asked_support" AS
SELECT a."id" AS "action_id", a."priority_id", p."school_number", a."language", a."created_at",
  concat_ws(E'\n\n', nullif(btrim(a."support_detail"), ''), nullif(btrim(a."description"), '')) AS "need",
  CASE WHEN a."support_from" = 'collaborative' THEN (
    SELECT c."id" FROM "collaborative_members" m JOIN "collaboratives" c ON c."id" = m."collaborative_id"
    WHERE m."school_number" = p."school_number" AND c."status" = 'active'
    ORDER BY c."name_en", c."id" LIMIT 1)
  END AS "broker"
FROM "plan_actions" a JOIN "priorities" p ON p."id" = a."priority_id"
WHERE a."support_from" IN ('la', 'collaborative')
  AND NOT EXISTS (SELECT 1 FROM "plan_action_support" s WHERE s."action_id" = a."id");--> statement-breakpoint
UPDATE "support_requests" r SET "need" = r."need" || E'\n\n' || g."needs", "updated_at" = now(), "version" = r."version" + 1
FROM (
  SELECT "priority_id", "broker", string_agg("need", E'\n\n' ORDER BY "created_at", "action_id") AS "needs"
  FROM "asked_support" GROUP BY "priority_id", "broker"
) g
WHERE r."id" = (
  SELECT o."id" FROM "support_requests" o
  WHERE o."priority_id" = g."priority_id" AND o."broker_collaborative_id" IS NOT DISTINCT FROM g."broker" AND o."status" = 'open'
  ORDER BY o."created_at", o."id" LIMIT 1);--> statement-breakpoint
INSERT INTO "support_requests" ("school_number", "priority_id", "need", "broker_collaborative_id", "from_plan", "language")
SELECT g."school_number", g."priority_id", string_agg(g."need", E'\n\n' ORDER BY g."created_at", g."action_id"), g."broker", true,
  (array_agg(g."language" ORDER BY g."created_at", g."action_id"))[1]
FROM "asked_support" g
WHERE NOT EXISTS (
  SELECT 1 FROM "support_requests" o
  WHERE o."priority_id" = g."priority_id" AND o."broker_collaborative_id" IS NOT DISTINCT FROM g."broker" AND o."status" = 'open')
GROUP BY g."school_number", g."priority_id", g."broker";--> statement-breakpoint
INSERT INTO "plan_action_support" ("action_id", "request_id")
SELECT g."action_id", (
  SELECT o."id" FROM "support_requests" o
  WHERE o."priority_id" = g."priority_id" AND o."broker_collaborative_id" IS NOT DISTINCT FROM g."broker" AND o."status" = 'open'
  ORDER BY o."created_at", o."id" LIMIT 1)
FROM "asked_support" g;--> statement-breakpoint
DROP TABLE IF EXISTS "asked_support";
