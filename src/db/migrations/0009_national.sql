CREATE TABLE "case_studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text,
	"la_code" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"what_we_did" text DEFAULT '' NOT NULL,
	"learners" text DEFAULT '' NOT NULL,
	"impact" text DEFAULT '' NOT NULL,
	"nif_themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"national_priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_partnership_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"post" text DEFAULT '' NOT NULL,
	"employing_la_code" text
);
--> statement-breakpoint
CREATE TABLE "la_plan_answers" (
	"plan_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "la_plan_answers_plan_id_section_id_pk" PRIMARY KEY("plan_id","section_id")
);
--> statement-breakpoint
CREATE TABLE "la_plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"body" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"shared_with_las" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "national_support_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title_en" text NOT NULL,
	"title_cy" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_cy" text DEFAULT '' NOT NULL,
	"national_priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"programme_code" text,
	"url" text DEFAULT '' NOT NULL,
	"published_on" date NOT NULL,
	"withdrawn_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_template_sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title_en" text NOT NULL,
	"title_cy" text NOT NULL,
	"guidance_en" text DEFAULT '' NOT NULL,
	"guidance_cy" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title_en" text NOT NULL,
	"title_cy" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "national_priorities" ADD COLUMN "description_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "national_priorities" ADD COLUMN "description_cy" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "national_priorities" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_partnership_staff" ADD CONSTRAINT "la_partnership_staff_partnership_id_la_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."la_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_partnership_staff" ADD CONSTRAINT "la_partnership_staff_employing_la_code_local_authorities_code_fk" FOREIGN KEY ("employing_la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_answers" ADD CONSTRAINT "la_plan_answers_plan_id_la_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."la_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_answers" ADD CONSTRAINT "la_plan_answers_section_id_plan_template_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_template_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_answers" ADD CONSTRAINT "la_plan_answers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_comments" ADD CONSTRAINT "la_plan_comments_plan_id_la_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."la_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_comments" ADD CONSTRAINT "la_plan_comments_section_id_plan_template_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_template_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_comments" ADD CONSTRAINT "la_plan_comments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_versions" ADD CONSTRAINT "la_plan_versions_plan_id_la_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."la_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plan_versions" ADD CONSTRAINT "la_plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plans" ADD CONSTRAINT "la_plans_round_id_planning_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_plans" ADD CONSTRAINT "la_plans_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_support_offers" ADD CONSTRAINT "national_support_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_template_sections" ADD CONSTRAINT "plan_template_sections_round_id_planning_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."planning_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_rounds" ADD CONSTRAINT "planning_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_studies_status" ON "case_studies" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "case_studies_school" ON "case_studies" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "case_studies_tags" ON "case_studies" USING gin ("nif_themes","national_priorities");--> statement-breakpoint
CREATE INDEX "la_partnership_staff_partnership" ON "la_partnership_staff" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "la_plan_comments_plan" ON "la_plan_comments" USING btree ("plan_id","section_id");--> statement-breakpoint
CREATE UNIQUE INDEX "la_plan_versions_number" ON "la_plan_versions" USING btree ("plan_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "la_plans_round_la" ON "la_plans" USING btree ("round_id","la_code");--> statement-breakpoint
CREATE INDEX "plan_template_sections_round" ON "plan_template_sections" USING btree ("round_id","position");--> statement-breakpoint
CREATE INDEX "role_assignments_scope" ON "role_assignments" USING btree ("scope_id","role");