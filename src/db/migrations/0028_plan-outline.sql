CREATE TABLE "plan_outline_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outline_priority_id" uuid NOT NULL,
	"term" text NOT NULL,
	"description" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_outline_actions_term_check" CHECK ("plan_outline_actions"."term" in ('autumn', 'spring', 'summer', 'year'))
);
--> statement-breakpoint
CREATE TABLE "plan_outline_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"school_number" text NOT NULL,
	"academic_year" integer NOT NULL,
	"continues_priority_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_outline_actions" ADD CONSTRAINT "plan_outline_actions_outline_priority_id_plan_outline_priorities_id_fk" FOREIGN KEY ("outline_priority_id") REFERENCES "public"."plan_outline_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outline_priorities" ADD CONSTRAINT "plan_outline_priorities_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outline_priorities" ADD CONSTRAINT "plan_outline_priorities_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outline_priorities" ADD CONSTRAINT "plan_outline_priorities_continues_priority_id_priorities_id_fk" FOREIGN KEY ("continues_priority_id") REFERENCES "public"."priorities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outline_priorities" ADD CONSTRAINT "plan_outline_priorities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_outline_actions_priority" ON "plan_outline_actions" USING btree ("outline_priority_id");--> statement-breakpoint
CREATE INDEX "plan_outline_priorities_plan_year" ON "plan_outline_priorities" USING btree ("plan_id","academic_year");