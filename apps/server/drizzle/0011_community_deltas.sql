-- A climber's routes of one climb are found by an index led by user_id (the old one, keyed by climb
-- alone, made the planner combine it with the climber's whole key range), and the community
-- outbox carries what a write that only added routes adds, so the fold need not reread them.
DROP INDEX "session_routes_climb_logged_idx";--> statement-breakpoint
ALTER TABLE "community_outbox" ADD COLUMN "recompute" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "community_outbox" ADD COLUMN "sends" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "community_outbox" ADD COLUMN "grade_key_v" bigint;--> statement-breakpoint
ALTER TABLE "community_outbox" ADD COLUMN "grade_key_font" bigint;--> statement-breakpoint
ALTER TABLE "community_outbox" ADD COLUMN "rating_key" bigint;--> statement-breakpoint
CREATE INDEX "session_routes_user_climb_logged_idx" ON "session_routes" USING btree ("user_id","climb_id","logged_at");