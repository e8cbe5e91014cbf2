CREATE TABLE "collaborative_facilitators" (
	"collaborative_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "collaborative_facilitators_collaborative_id_user_id_pk" PRIMARY KEY("collaborative_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "collaboratives" ADD COLUMN "basis" text;--> statement-breakpoint
ALTER TABLE "collaborative_facilitators" ADD CONSTRAINT "collaborative_facilitators_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_facilitators" ADD CONSTRAINT "collaborative_facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collaborative_facilitators_user" ON "collaborative_facilitators" USING btree ("user_id");