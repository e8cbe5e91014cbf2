ALTER TABLE "development_plans" ADD COLUMN "other_language" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "support_agreements" ADD COLUMN "other_language" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "support_requests" ADD COLUMN "other_language" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_reviews" ADD COLUMN "other_language" jsonb DEFAULT '{}'::jsonb NOT NULL;