DROP INDEX "session_routes_climb_idx";--> statement-breakpoint
CREATE INDEX "session_routes_climb_logged_idx" ON "session_routes" USING btree ("climb_id","logged_at");