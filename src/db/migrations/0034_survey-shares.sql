CREATE TABLE "survey_shares" (
	"survey_id" uuid NOT NULL,
	"school_number" text NOT NULL,
	"audience" text NOT NULL,
	"audience_id" text DEFAULT '' NOT NULL,
	"shared_by" uuid,
	"shared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_shares_survey_id_audience_audience_id_pk" PRIMARY KEY("survey_id","audience","audience_id"),
	CONSTRAINT "survey_shares_audience_check" CHECK ("survey_shares"."audience" in ('collaborative', 'la', 'national'))
);
--> statement-breakpoint
ALTER TABLE "survey_shares" ADD CONSTRAINT "survey_shares_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_shares" ADD CONSTRAINT "survey_shares_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_shares" ADD CONSTRAINT "survey_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_shares_audience" ON "survey_shares" USING btree ("audience","audience_id");