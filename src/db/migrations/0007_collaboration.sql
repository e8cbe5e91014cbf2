CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "enquiry_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enquiry_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"description" text NOT NULL,
	"supporting_school_number" text,
	"due_on" date,
	"plan_action_id" uuid,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enquiry_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"activity" text NOT NULL,
	"host_colleague" text NOT NULL,
	"body" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enquiry_pack_items" (
	"enquiry_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enquiry_pack_items_enquiry_id_item_type_item_id_pk" PRIMARY KEY("enquiry_id","item_type","item_id")
);
--> statement-breakpoint
CREATE TABLE "enquiry_reviewers" (
	"enquiry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"school_number" text NOT NULL,
	CONSTRAINT "enquiry_reviewers_enquiry_id_user_id_pk" PRIMARY KEY("enquiry_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "la_partnership_members" (
	"partnership_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	CONSTRAINT "la_partnership_members_partnership_id_la_code_pk" PRIMARY KEY("partnership_id","la_code")
);
--> statement-breakpoint
CREATE TABLE "la_partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name_en" text NOT NULL,
	"name_cy" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"services" text DEFAULT '' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"owner_school_number" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_schools" (
	"meeting_id" uuid NOT NULL,
	"school_number" text NOT NULL,
	CONSTRAINT "meeting_schools_meeting_id_school_number_pk" PRIMARY KEY("meeting_id","school_number")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"meets_on" date NOT NULL,
	"starts_at" text,
	"ends_at" text,
	"location" text DEFAULT '' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_enquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"host_school_number" text NOT NULL,
	"question" text NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"finding_id" uuid,
	"nif_themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"visit_start" date,
	"visit_end" date,
	"state" text DEFAULT 'proposed' NOT NULL,
	"facilitator_id" uuid,
	"activities" text DEFAULT '' NOT NULL,
	"confidentiality" text DEFAULT '' NOT NULL,
	"report" text DEFAULT '' NOT NULL,
	"report_agreed_at" timestamp with time zone,
	"report_agreed_by" uuid,
	"evidence_id" uuid,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progression_session_schools" (
	"session_id" uuid NOT NULL,
	"school_number" text NOT NULL,
	CONSTRAINT "progression_session_schools_session_id_school_number_pk" PRIMARY KEY("session_id","school_number")
);
--> statement-breakpoint
CREATE TABLE "progression_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"collaborative_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"area" text NOT NULL,
	"progression_step" integer NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"samples" text DEFAULT '' NOT NULL,
	"expectations" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_findings" ADD CONSTRAINT "enquiry_findings_enquiry_id_peer_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."peer_enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_findings" ADD CONSTRAINT "enquiry_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_follow_ups" ADD CONSTRAINT "enquiry_follow_ups_enquiry_id_peer_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."peer_enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_follow_ups" ADD CONSTRAINT "enquiry_follow_ups_supporting_school_number_schools_number_fk" FOREIGN KEY ("supporting_school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_follow_ups" ADD CONSTRAINT "enquiry_follow_ups_plan_action_id_plan_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."plan_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_follow_ups" ADD CONSTRAINT "enquiry_follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_notes" ADD CONSTRAINT "enquiry_notes_enquiry_id_peer_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."peer_enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_notes" ADD CONSTRAINT "enquiry_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_pack_items" ADD CONSTRAINT "enquiry_pack_items_enquiry_id_peer_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."peer_enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_pack_items" ADD CONSTRAINT "enquiry_pack_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_reviewers" ADD CONSTRAINT "enquiry_reviewers_enquiry_id_peer_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."peer_enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_reviewers" ADD CONSTRAINT "enquiry_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_reviewers" ADD CONSTRAINT "enquiry_reviewers_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_partnership_members" ADD CONSTRAINT "la_partnership_members_partnership_id_la_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."la_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_partnership_members" ADD CONSTRAINT "la_partnership_members_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_owner_school_number_schools_number_fk" FOREIGN KEY ("owner_school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_schools" ADD CONSTRAINT "meeting_schools_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_schools" ADD CONSTRAINT "meeting_schools_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_enquiries" ADD CONSTRAINT "peer_enquiries_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_enquiries" ADD CONSTRAINT "peer_enquiries_host_school_number_schools_number_fk" FOREIGN KEY ("host_school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_enquiries" ADD CONSTRAINT "peer_enquiries_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_enquiries" ADD CONSTRAINT "peer_enquiries_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_enquiries" ADD CONSTRAINT "peer_enquiries_report_agreed_by_users_id_fk" FOREIGN KEY ("report_agreed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_enquiries" ADD CONSTRAINT "peer_enquiries_evidence_id_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_enquiries" ADD CONSTRAINT "peer_enquiries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_session_schools" ADD CONSTRAINT "progression_session_schools_session_id_progression_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."progression_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_session_schools" ADD CONSTRAINT "progression_session_schools_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_sessions" ADD CONSTRAINT "progression_sessions_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_sessions" ADD CONSTRAINT "progression_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiry_findings_enquiry" ON "enquiry_findings" USING btree ("enquiry_id");--> statement-breakpoint
CREATE INDEX "enquiry_follow_ups_enquiry" ON "enquiry_follow_ups" USING btree ("enquiry_id");--> statement-breakpoint
CREATE INDEX "enquiry_follow_ups_supporter" ON "enquiry_follow_ups" USING btree ("supporting_school_number");--> statement-breakpoint
CREATE INDEX "enquiry_notes_enquiry" ON "enquiry_notes" USING btree ("enquiry_id");--> statement-breakpoint
CREATE INDEX "enquiry_notes_author" ON "enquiry_notes" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "enquiry_reviewers_user" ON "enquiry_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "enquiry_reviewers_school" ON "enquiry_reviewers" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "la_partnership_members_la" ON "la_partnership_members" USING btree ("la_code");--> statement-breakpoint
CREATE INDEX "meeting_actions_meeting" ON "meeting_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_schools_school" ON "meeting_schools" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "meetings_collaborative" ON "meetings" USING btree ("collaborative_id","meets_on");--> statement-breakpoint
CREATE INDEX "peer_enquiries_collaborative" ON "peer_enquiries" USING btree ("collaborative_id","state");--> statement-breakpoint
CREATE INDEX "peer_enquiries_host" ON "peer_enquiries" USING btree ("host_school_number");--> statement-breakpoint
CREATE INDEX "progression_session_schools_school" ON "progression_session_schools" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "progression_sessions_collaborative" ON "progression_sessions" USING btree ("collaborative_id","held_on");--> statement-breakpoint
CREATE INDEX "shares_audience_newest" ON "shares" USING btree ("audience","audience_id","shared_at" DESC NULLS LAST);