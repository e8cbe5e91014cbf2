CREATE TABLE "collaborative_members" (
	"collaborative_id" uuid NOT NULL,
	"school_number" text NOT NULL,
	CONSTRAINT "collaborative_members_collaborative_id_school_number_pk" PRIMARY KEY("collaborative_id","school_number")
);
--> statement-breakpoint
CREATE TABLE "collaboratives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name_en" text NOT NULL,
	"name_cy" text NOT NULL,
	"la_code" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"edition_date" date NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid,
	"added" integer NOT NULL,
	"changed" integer NOT NULL,
	"closed" integer NOT NULL,
	"reopened" integer NOT NULL,
	"unchanged" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governing_bodies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'governing_body' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"school_number" text NOT NULL,
	"import_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fields" jsonb
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"number" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"la_code" text NOT NULL,
	"sector" text NOT NULL,
	"governance" text,
	"wm_code" text,
	"school_type" text,
	"religious_character" text,
	"address_1" text,
	"address_2" text,
	"address_3" text,
	"address_4" text,
	"postcode" text,
	"phone" text,
	"pupils" integer,
	"language_category" text,
	"language_category_second" text,
	"governing_body_id" text,
	"open" boolean DEFAULT true NOT NULL,
	"closed_on" date,
	"search_text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collaborative_members" ADD CONSTRAINT "collaborative_members_collaborative_id_collaboratives_id_fk" FOREIGN KEY ("collaborative_id") REFERENCES "public"."collaboratives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborative_members" ADD CONSTRAINT "collaborative_members_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaboratives" ADD CONSTRAINT "collaboratives_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_imports" ADD CONSTRAINT "directory_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_changes" ADD CONSTRAINT "school_changes_school_number_schools_number_fk" FOREIGN KEY ("school_number") REFERENCES "public"."schools"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_changes" ADD CONSTRAINT "school_changes_import_id_directory_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."directory_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_la_code_local_authorities_code_fk" FOREIGN KEY ("la_code") REFERENCES "public"."local_authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_governing_body_id_governing_bodies_id_fk" FOREIGN KEY ("governing_body_id") REFERENCES "public"."governing_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collaborative_members_school" ON "collaborative_members" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "school_changes_school" ON "school_changes" USING btree ("school_number");--> statement-breakpoint
CREATE INDEX "schools_la" ON "schools" USING btree ("la_code");--> statement-breakpoint
CREATE INDEX "schools_sector" ON "schools" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "schools_governing_body" ON "schools" USING btree ("governing_body_id");--> statement-breakpoint
CREATE INDEX "schools_postcode" ON "schools" USING btree (replace("postcode", ' ', ''));