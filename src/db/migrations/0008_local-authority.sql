CREATE TABLE "concern_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"la_code" text NOT NULL,
	"source" text NOT NULL,
	"grounds" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"opened_on" date NOT NULL,
	"exited_on" date,
	"exit_reason" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"ministers_consent_on" date,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_support_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"review_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"review_notes" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_code" text NOT NULL,
	"academic_year" integer NOT NULL,
	"stage" text DEFAULT 'planning' NOT NULL,
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
CREATE TABLE "la_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"source" text NOT NULL,
	"observed_on" date NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"nif_themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"nif_theme" text,
	"evidence_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_impact_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"what_changed" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "la_impact_reviews_priority_id_unique" UNIQUE("priority_id")
);
--> statement-breakpoint
CREATE TABLE "la_plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"priority_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'not_started' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"nif_theme" text,
	"national_priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"schools_sharing" integer,
	"success_measure" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"finding_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professional_learning_programmes" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_cy" text NOT NULL,
	"national" boolean DEFAULT false NOT NULL,
	"required" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professional_learning_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"programme_code" text NOT NULL,
	"completed_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_profiles" (
	"school_number" text PRIMARY KEY NOT NULL,
	"efsm_three_year" numeric(5, 1),
	"aln_percent" numeric(5, 1),
	"eal_percent" numeric(5, 1),
	"context" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"supporting_school_number" text NOT NULL,
	"offer_id" uuid,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"what" text NOT NULL,
	"days" numeric(5, 1),
	"cost_pence" integer,
	"starts_on" date,
	"ends_on" date,
	"status" text DEFAULT 'agreed' NOT NULL,
	"impact" text DEFAULT '' NOT NULL,
	"impact_recorded_at" timestamp with time zone,
	"language" text DEFAULT 'en' NOT NULL,
	"agreed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"finding_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"nif_theme" text,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"national_priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"priority_id" uuid NOT NULL,
	"need" text NOT NULL,
	"broker_collaborative_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"grounds" text[] NOT NULL,
	"reasons" text NOT NULL,
	"required_action" text NOT NULL,
	"compliance_period_days" integer NOT NULL,
	"minded_to" text[] NOT NULL,
	"minded_to_detail" text DEFAULT '' NOT NULL,
	"copies_to" text[] NOT NULL,
	"issued_on" date NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concern_cases" ADD CONSTRAINT "concern_cases_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_cases" ADD CONSTRAINT "concern_cases_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_cases" ADD CONSTRAINT "concern_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_interventions" ADD CONSTRAINT "concern_interventions_case_id_concern_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."concern_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_interventions" ADD CONSTRAINT "concern_interventions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_support_items" ADD CONSTRAINT "concern_support_items_case_id_concern_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."concern_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_cycles" ADD CONSTRAINT "la_cycles_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_cycles" ADD CONSTRAINT "la_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_evidence" ADD CONSTRAINT "la_evidence_cycle_id_la_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."la_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_evidence" ADD CONSTRAINT "la_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_findings" ADD CONSTRAINT "la_findings_cycle_id_la_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."la_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_findings" ADD CONSTRAINT "la_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_impact_reviews" ADD CONSTRAINT "la_impact_reviews_priority_id_la_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."la_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_impact_reviews" ADD CONSTRAINT "la_impact_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_actions" ADD CONSTRAINT "la_plan_actions_priority_id_la_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."la_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_priorities" ADD CONSTRAINT "la_priorities_cycle_id_la_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."la_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_priorities" ADD CONSTRAINT "la_priorities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_learning_records" ADD CONSTRAINT "professional_learning_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_learning_records" ADD CONSTRAINT "professional_learning_records_programme_code_professional_learning_programmes_code_fk" FOREIGN KEY ("programme_code") REFERENCES "public"."professional_learning_programmes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professional_learning_records" ADD CONSTRAINT "professional_learning_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_profiles" ADD CONSTRAINT "school_profiles_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_profiles" ADD CONSTRAINT "school_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_agreements" ADD CONSTRAINT "support_agreements_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_agreements" ADD CONSTRAINT "support_agreements_supporting_school_number_schools_number_fk" FOREIGN KEY ("supporting_school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_agreements" ADD CONSTRAINT "support_agreements_offer_id_support_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."support_offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_agreements" ADD CONSTRAINT "support_agreements_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offers" ADD CONSTRAINT "support_offers_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offers" ADD CONSTRAINT "support_offers_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_offers" ADD CONSTRAINT "support_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_priority_id_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_broker_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("broker_collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notices" ADD CONSTRAINT "warning_notices_case_id_concern_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."concern_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notices" ADD CONSTRAINT "warning_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concern_cases_la" ON "concern_cases" USING btree ("la_code","state");--> statement-breakpoint
CREATE INDEX "concern_cases_school" ON "concern_cases" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "concern_interventions_case" ON "concern_interventions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "concern_support_items_case" ON "concern_support_items" USING btree ("case_id","review_on");--> statement-breakpoint
CREATE UNIQUE INDEX "la_cycles_la_year" ON "la_cycles" USING btree ("la_code","academic_year");--> statement-breakpoint
CREATE INDEX "la_evidence_cycle" ON "la_evidence" USING btree ("cycle_id","observed_on");--> statement-breakpoint
CREATE INDEX "la_findings_cycle" ON "la_findings" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "la_plan_actions_priority" ON "la_plan_actions" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "la_priorities_cycle" ON "la_priorities" USING btree ("cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "professional_learning_once" ON "professional_learning_records" USING btree ("user_id","programme_code");--> statement-breakpoint
CREATE INDEX "professional_learning_programme" ON "professional_learning_records" USING btree ("programme_code");--> statement-breakpoint
CREATE INDEX "support_agreements_request" ON "support_agreements" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "support_agreements_supporter" ON "support_agreements" USING btree ("supporting_school_number");--> statement-breakpoint
CREATE INDEX "support_offers_school" ON "support_offers" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "support_offers_theme" ON "support_offers" USING btree ("status","nif_theme");--> statement-breakpoint
CREATE INDEX "support_requests_school" ON "support_requests" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "support_requests_status" ON "support_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "warning_notices_case" ON "warning_notices" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "evidence_archived" ON "evidence" USING btree ("id") WHERE "evidence"."archived";--> statement-breakpoint
INSERT INTO "professional_learning_programmes" ("code", "name_en", "name_cy", "national", "required") VALUES
  ('facilitating_collaborative_improvement', 'Facilitating collaborative school improvement (national programme)', 'Hwyluso gwella ysgolion ar y cyd (rhaglen genedlaethol)', true, true),
  ('peer_enquiry', 'Leading peer enquiry', 'Arwain ymholiad cymheiriaid', true, false),
  ('self_evaluation', 'Self-evaluation for improvement', 'Hunanwerthuso ar gyfer gwella', true, false),
  ('middle_leadership', 'Middle leadership development', 'Datblygu arweinyddiaeth ganol', true, false);
