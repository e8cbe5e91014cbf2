-- UNLOGGED by hand (drizzle-kit cannot say it): rate-limit counts need no crash safety.
CREATE UNLOGGED TABLE "rate_limit_hits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_client_failures" (
	"email_key" text NOT NULL,
	"client" text NOT NULL,
	"failures" integer NOT NULL,
	"first_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "sign_in_client_failures_email_key_client_pk" PRIMARY KEY("email_key","client")
);
--> statement-breakpoint
CREATE TABLE "sign_in_known_clients" (
	"user_id" uuid NOT NULL,
	"client" text NOT NULL,
	"last_success_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_known_clients_user_id_client_pk" PRIMARY KEY("user_id","client")
);
--> statement-breakpoint
ALTER TABLE "sign_in_known_clients" ADD CONSTRAINT "sign_in_known_clients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_client_failures_first" ON "sign_in_client_failures" USING btree ("first_failure_at");--> statement-breakpoint
ALTER TABLE "sign_in_failures" DROP COLUMN "locked_until";