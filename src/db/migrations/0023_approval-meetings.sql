CREATE TABLE "approval_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"governing_body_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_role_check";--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD COLUMN "approval_meeting" text;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD COLUMN "approval_committee" text;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD COLUMN "approval_meeting_on" date;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD COLUMN "approval_minute" text;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD COLUMN "approval_resolution" text;--> statement-breakpoint
ALTER TABLE "approval_delegations" ADD CONSTRAINT "approval_delegations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_delegations" ADD CONSTRAINT "approval_delegations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_delegations" ADD CONSTRAINT "approval_delegations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_delegations_current" ON "approval_delegations" USING btree ("governing_body_id","user_id") WHERE "approval_delegations"."revoked_at" is null;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_role_check" CHECK ("role_assignments"."role" in ('headteacher', 'school_leader', 'practitioner', 'governor', 'chair_of_governors', 'clerk', 'collaborative_lead', 'improvement_partner', 'la_officer', 'partnership_coordinator', 'wg_official', 'administrator'));--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_approval_meeting_check" CHECK ("plan_revisions"."approval_meeting" in ('full_governing_body', 'committee'));--> statement-breakpoint
CREATE FUNCTION plan_revision_frozen() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'plan revision % is approved: it stays as the governing body approved it', OLD.id;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plan_revisions_frozen_once_approved BEFORE UPDATE ON "plan_revisions"
  FOR EACH ROW WHEN (OLD.approved_at IS NOT NULL) EXECUTE FUNCTION plan_revision_frozen();
