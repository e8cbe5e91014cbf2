CREATE TABLE "plan_review_points" (
	"plan_id" uuid NOT NULL,
	"academic_year" integer NOT NULL,
	"term" text NOT NULL,
	"due_on" date NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_review_points_plan_id_academic_year_term_pk" PRIMARY KEY("plan_id","academic_year","term"),
	CONSTRAINT "plan_review_points_term_check" CHECK ("plan_review_points"."term" in ('autumn', 'spring', 'summer'))
);
--> statement-breakpoint
CREATE TABLE "progress_review_evidence" (
	"review_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "progress_review_evidence_review_id_evidence_id_pk" PRIMARY KEY("review_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "progress_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"priority_id" uuid NOT NULL,
	"action_id" uuid,
	"reviewed_on" date NOT NULL,
	"rating" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reviews_rating_check" CHECK ("progress_reviews"."rating" in ('off_track', 'some_concerns', 'on_track', 'complete'))
);
--> statement-breakpoint
ALTER TABLE "plan_review_points" ADD CONSTRAINT "plan_review_points_plan_id_development_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."development_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_review_points" ADD CONSTRAINT "plan_review_points_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_review_evidence" ADD CONSTRAINT "progress_review_evidence_review_id_progress_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."progress_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_review_evidence" ADD CONSTRAINT "progress_review_evidence_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reviews" ADD CONSTRAINT "progress_reviews_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reviews" ADD CONSTRAINT "progress_reviews_priority_id_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reviews" ADD CONSTRAINT "progress_reviews_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reviews" ADD CONSTRAINT "progress_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_review_evidence_item" ON "progress_review_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "progress_reviews_priority" ON "progress_reviews" USING btree ("priority_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "progress_reviews_action" ON "progress_reviews" USING btree ("action_id");