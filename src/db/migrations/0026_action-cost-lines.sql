CREATE TABLE "plan_action_costs" (
	"action_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"amount_pence" integer NOT NULL,
	"source" text NOT NULL,
	"grant_name" text DEFAULT '' NOT NULL,
	CONSTRAINT "plan_action_costs_action_id_line_pk" PRIMARY KEY("action_id","line"),
	CONSTRAINT "plan_action_costs_line_check" CHECK ("plan_action_costs"."line" between 1 and 3),
	CONSTRAINT "plan_action_costs_amount_check" CHECK ("plan_action_costs"."amount_pence" >= 0),
	CONSTRAINT "plan_action_costs_source_check" CHECK ("plan_action_costs"."source" in ('pdg', 'school_budget', 'laeg', 'professional_learning_grant', 'other_grant', 'not_decided'))
);
--> statement-breakpoint
ALTER TABLE "plan_action_costs" ADD CONSTRAINT "plan_action_costs_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A cost typed before sources were asked for becomes one line whose source is not decided yet:
-- the total stays what it was, and nobody is told money came from a source no one chose.
INSERT INTO "plan_action_costs" ("action_id", "line", "amount_pence", "source")
SELECT "id", 1, "cost_pence", 'not_decided' FROM "plan_actions" WHERE "cost_pence" IS NOT NULL AND "cost_pence" >= 0;
