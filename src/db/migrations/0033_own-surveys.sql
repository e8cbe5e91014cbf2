CREATE TABLE "survey_invitations" (
	"survey_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_invitations_survey_id_code_hash_pk" PRIMARY KEY("survey_id","code_hash")
);
--> statement-breakpoint
ALTER TABLE "survey_answers" DROP CONSTRAINT "survey_answers_value_check";--> statement-breakpoint
ALTER TABLE "survey_questions" DROP CONSTRAINT "survey_questions_kind_check";--> statement-breakpoint
ALTER TABLE "surveys" DROP CONSTRAINT "surveys_kind_check";--> statement-breakpoint
ALTER TABLE "surveys" DROP CONSTRAINT "surveys_state_check";--> statement-breakpoint
ALTER TABLE "survey_answers" ADD COLUMN "text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD COLUMN "options" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "title" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_value_check" CHECK ("survey_answers"."value" between 0 and 8);--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_kind_check" CHECK ("survey_questions"."kind" in ('agreement', 'choice', 'text'));--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_kind_check" CHECK ("surveys"."kind" in ('slo', 'own'));--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_state_check" CHECK ("surveys"."state" in ('draft', 'open', 'closed'));