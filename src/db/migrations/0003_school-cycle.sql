CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"academic_year" integer NOT NULL,
	"stage" text DEFAULT 'planning' NOT NULL,
	"progressing_answer" text DEFAULT '' NOT NULL,
	"pace_answer" text DEFAULT '' NOT NULL,
	"how_well_answer" text DEFAULT '' NOT NULL,
	"how_know_answer" text DEFAULT '' NOT NULL,
	"how_improve_answer" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"first_year" integer NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"cycle_id" uuid NOT NULL,
	"source" text NOT NULL,
	"observed_on" date NOT NULL,
	"first_hand" boolean NOT NULL,
	"from_beyond" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"nif_themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"principles" text[] DEFAULT '{}'::text[] NOT NULL,
	"learner_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"national_priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"curated" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evidence_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_evidence" (
	"finding_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "finding_evidence_finding_id_evidence_id_pk" PRIMARY KEY("finding_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"cycle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"nif_theme" text,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_evidence" (
	"review_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "impact_evidence_review_id_evidence_id_pk" PRIMARY KEY("review_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "impact_group_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"learner_group" text NOT NULL,
	"measure" text NOT NULL,
	"baseline" text DEFAULT '' NOT NULL,
	"latest" text DEFAULT '' NOT NULL,
	"commentary" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"what_changed" text DEFAULT '' NOT NULL,
	"reviewed_on" date,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "impact_reviews_priority_id_unique" UNIQUE("priority_id")
);
--> statement-breakpoint
CREATE TABLE "national_priorities" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_cy" text NOT NULL,
	"supporting" boolean DEFAULT false NOT NULL,
	"published_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"start_on" date,
	"due_on" date,
	"milestones" text DEFAULT '' NOT NULL,
	"cost_pence" integer,
	"professional_learning" text DEFAULT '' NOT NULL,
	"support_from" text DEFAULT 'none' NOT NULL,
	"support_detail" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"academic_year" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"nif_theme" text,
	"learners" text DEFAULT '' NOT NULL,
	"success_measure" text DEFAULT '' NOT NULL,
	"national_priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"origin" text DEFAULT 'self_evaluation' NOT NULL,
	"carried_from_id" uuid,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_findings" (
	"priority_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	CONSTRAINT "priority_findings_priority_id_finding_id_pk" PRIMARY KEY("priority_id","finding_id")
);
--> statement-breakpoint
CREATE TABLE "shares" (
	"item_type" text NOT NULL,
	"item_id" text NOT NULL,
	"school_number" text NOT NULL,
	"audience" text NOT NULL,
	"audience_id" text DEFAULT '' NOT NULL,
	"shared_by" uuid,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shares_item_type_item_id_audience_audience_id_pk" PRIMARY KEY("item_type","item_id","audience","audience_id")
);
--> statement-breakpoint
CREATE TABLE "success_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plans" ADD CONSTRAINT "development_plans_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_attachments" ADD CONSTRAINT "evidence_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_evidence" ADD CONSTRAINT "finding_evidence_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_evidence" ADD CONSTRAINT "impact_evidence_review_id_impact_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."impact_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_evidence" ADD CONSTRAINT "impact_evidence_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_group_figures" ADD CONSTRAINT "impact_group_figures_review_id_impact_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."impact_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impact_reviews" ADD CONSTRAINT "impact_reviews_priority_id_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_priority_id_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_findings" ADD CONSTRAINT "priority_findings_priority_id_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_findings" ADD CONSTRAINT "priority_findings_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "success_criteria" ADD CONSTRAINT "success_criteria_priority_id_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cycles_school_year" ON "cycles" USING btree ("school_number","academic_year");--> statement-breakpoint
CREATE UNIQUE INDEX "development_plans_school_year" ON "development_plans" USING btree ("school_number","first_year");--> statement-breakpoint
CREATE INDEX "evidence_school_cycle" ON "evidence" USING btree ("school_number","cycle_id","observed_on");--> statement-breakpoint
CREATE INDEX "evidence_tags" ON "evidence" USING gin ("nif_themes","areas");--> statement-breakpoint
CREATE INDEX "finding_evidence_evidence" ON "finding_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "findings_school_cycle" ON "findings" USING btree ("school_number","cycle_id");--> statement-breakpoint
CREATE INDEX "plan_actions_priority" ON "plan_actions" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "plan_actions_due" ON "plan_actions" USING btree ("due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_revisions_number" ON "plan_revisions" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "priorities_school_cycle" ON "priorities" USING btree ("school_number","cycle_id");--> statement-breakpoint
CREATE INDEX "shares_audience" ON "shares" USING btree ("audience","audience_id","item_type");