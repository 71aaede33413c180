ALTER TABLE "session_routes" ALTER COLUMN "climb_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "climbing_sessions" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "session_routes" ADD COLUMN "climb_name" text;--> statement-breakpoint
ALTER TABLE "session_routes" ADD COLUMN "climb_kind" text;--> statement-breakpoint
ALTER TABLE "session_routes" ADD COLUMN "climb_key" text;--> statement-breakpoint
CREATE INDEX "session_routes_climb_key_logged_idx" ON "session_routes" USING btree ("climb_key","logged_at") WHERE "session_routes"."climb_key" is not null;--> statement-breakpoint
ALTER TABLE "climbing_sessions" ADD CONSTRAINT "climbing_sessions_place_ck" CHECK ("climbing_sessions"."layout_id" is null or "climbing_sessions"."place" is null);--> statement-breakpoint
ALTER TABLE "session_routes" ADD CONSTRAINT "session_routes_climb_ck" CHECK (("session_routes"."climb_id" is null) = ("session_routes"."climb_name" is not null) and ("session_routes"."climb_name" is null) = ("session_routes"."climb_kind" is null) and ("session_routes"."climb_name" is null) = ("session_routes"."climb_key" is null) and coalesce("session_routes"."climb_kind" in ('boulder', 'route'), true));