CREATE INDEX "evidence_cycle_observed" ON "evidence" USING btree ("cycle_id","observed_on");--> statement-breakpoint
CREATE INDEX "evidence_attachments_evidence" ON "evidence_attachments" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "findings_cycle" ON "findings" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "priorities_cycle" ON "priorities" USING btree ("cycle_id");