-- The LA's self-evaluation on the school's building blocks (issue 17): its links become join tables
-- with foreign keys, as finding_evidence and priority_findings are for a school, instead of uuid[]
-- columns nothing checked; la_plan_actions is renamed so it no longer reads as part of the LA plans
-- of WG's planning rounds (la_plans, la_plan_answers, ...); the coded columns get CHECKs.
CREATE TABLE "la_finding_evidence" (
	"finding_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "la_finding_evidence_finding_id_evidence_id_pk" PRIMARY KEY("finding_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "la_priority_findings" (
	"priority_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	CONSTRAINT "la_priority_findings_priority_id_finding_id_pk" PRIMARY KEY("priority_id","finding_id")
);
--> statement-breakpoint
ALTER TABLE "la_finding_evidence" ADD CONSTRAINT "la_finding_evidence_finding_id_la_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."la_findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_finding_evidence" ADD CONSTRAINT "la_finding_evidence_evidence_id_la_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."la_evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_priority_findings" ADD CONSTRAINT "la_priority_findings_priority_id_la_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."la_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_priority_findings" ADD CONSTRAINT "la_priority_findings_finding_id_la_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."la_findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "la_finding_evidence_evidence" ON "la_finding_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "la_priority_findings_finding" ON "la_priority_findings" USING btree ("finding_id");--> statement-breakpoint
-- Every link the arrays held becomes a row, once (an id listed twice is one link). A link to a row
-- that no longer exists is dropped: the arrays never had a foreign key, so an evidence item or
-- finding could go while its id stayed listed, and a foreign key admits no such row. The pages
-- already skipped those ids when reading, so nobody saw them. Nothing else is left out.
INSERT INTO "la_finding_evidence" ("finding_id", "evidence_id")
	SELECT DISTINCT f."id", e."id"
	FROM "la_findings" f
	CROSS JOIN LATERAL unnest(f."evidence_ids") AS link("evidence_id")
	JOIN "la_evidence" e ON e."id" = link."evidence_id";--> statement-breakpoint
INSERT INTO "la_priority_findings" ("priority_id", "finding_id")
	SELECT DISTINCT p."id", f."id"
	FROM "la_priorities" p
	CROSS JOIN LATERAL unnest(p."finding_ids") AS link("finding_id")
	JOIN "la_findings" f ON f."id" = link."finding_id";--> statement-breakpoint
ALTER TABLE "la_findings" DROP COLUMN "evidence_ids";--> statement-breakpoint
ALTER TABLE "la_priorities" DROP COLUMN "finding_ids";--> statement-breakpoint
-- A rename keeps every row; its key, foreign key and index take the names a new table would have.
ALTER TABLE "la_plan_actions" RENAME TO "la_priority_actions";--> statement-breakpoint
ALTER TABLE "la_priority_actions" RENAME CONSTRAINT "la_plan_actions_pkey" TO "la_priority_actions_pkey";--> statement-breakpoint
ALTER TABLE "la_priority_actions" RENAME CONSTRAINT "la_plan_actions_priority_id_la_priorities_id_fk" TO "la_priority_actions_priority_id_la_priorities_id_fk";--> statement-breakpoint
ALTER INDEX "la_plan_actions_priority" RENAME TO "la_priority_actions_priority";--> statement-breakpoint
-- The values the code writes (src/reference/reference-data.ts); the services only ever wrote these.
ALTER TABLE "la_cycles" ADD CONSTRAINT "la_cycles_stage_known" CHECK ("la_cycles"."stage" in ('planning', 'gathering_evidence', 'making_sense', 'priorities_agreed', 'reviewing_impact', 'closed'));--> statement-breakpoint
ALTER TABLE "la_evidence" ADD CONSTRAINT "la_evidence_source_known" CHECK ("la_evidence"."source" in ('learning_walk', 'listening_to_learners', 'learners_work', 'observation', 'staff_dialogue', 'parent_voice', 'governor_visit', 'aggregate_data', 'survey', 'inspection_report', 'peer_enquiry'));--> statement-breakpoint
ALTER TABLE "la_findings" ADD CONSTRAINT "la_findings_kind_known" CHECK ("la_findings"."kind" in ('strength', 'area_for_development'));--> statement-breakpoint
ALTER TABLE "la_priority_actions" ADD CONSTRAINT "la_priority_actions_status_known" CHECK ("la_priority_actions"."status" in ('not_started', 'in_progress', 'done'));--> statement-breakpoint
ALTER TABLE "la_priorities" ADD CONSTRAINT "la_priorities_state_known" CHECK ("la_priorities"."state" in ('draft', 'agreed', 'in_progress', 'reviewed', 'closed'));
