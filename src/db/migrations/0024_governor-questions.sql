CREATE TABLE "governor_thread_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governor_thread_messages_side_check" CHECK ("governor_thread_messages"."side" in ('governor', 'school'))
);
--> statement-breakpoint
CREATE TABLE "governor_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_number" text NOT NULL,
	"item_type" text NOT NULL,
	"item_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"asked_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "governor_threads_item_type_check" CHECK ("governor_threads"."item_type" in ('plan', 'plan_revision', 'evidence', 'finding', 'priority', 'output')),
	CONSTRAINT "governor_threads_kind_check" CHECK ("governor_threads"."kind" in ('question', 'comment')),
	CONSTRAINT "governor_threads_status_check" CHECK ("governor_threads"."status" in ('open', 'answered', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "governor_thread_messages" ADD CONSTRAINT "governor_thread_messages_thread_id_governor_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."governor_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_thread_messages" ADD CONSTRAINT "governor_thread_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_threads" ADD CONSTRAINT "governor_threads_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_threads" ADD CONSTRAINT "governor_threads_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governor_thread_messages_thread" ON "governor_thread_messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "governor_threads_item" ON "governor_threads" USING btree ("item_type","item_id");--> statement-breakpoint
CREATE INDEX "governor_threads_school_status" ON "governor_threads" USING btree ("school_number","status");