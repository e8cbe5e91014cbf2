CREATE TABLE "people_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"place" text NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "people_uploads" ADD CONSTRAINT "people_uploads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_uploads_user" ON "people_uploads" USING btree ("user_id");