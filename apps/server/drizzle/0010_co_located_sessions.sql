-- Session-side tables name the climber in every row and lead every key with user_id, so one
-- climber's rows can live together on one node of a database distributed by user_id (Citus).
-- Existing rows take their session's user; keys are rebuilt with user_id first.
ALTER TABLE "session_routes" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "route_tombstones" ADD COLUMN "user_id" uuid;--> statement-breakpoint
UPDATE "session_routes" r SET "user_id" = s."user_id" FROM "climbing_sessions" s WHERE s."id" = r."session_id";--> statement-breakpoint
UPDATE "route_tombstones" t SET "user_id" = s."user_id" FROM "climbing_sessions" s WHERE s."id" = t."session_id";--> statement-breakpoint
ALTER TABLE "session_routes" ALTER COLUMN "user_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "route_tombstones" ALTER COLUMN "user_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "session_routes" DROP CONSTRAINT "session_routes_client_id_uq";--> statement-breakpoint
ALTER TABLE "route_tombstones" DROP CONSTRAINT "route_tombstones_session_id_climbing_sessions_id_fk";--> statement-breakpoint
ALTER TABLE "session_routes" DROP CONSTRAINT "session_routes_session_id_climbing_sessions_id_fk";--> statement-breakpoint
ALTER TABLE "route_tombstones" DROP CONSTRAINT "route_tombstones_session_id_client_route_id_pk";--> statement-breakpoint
ALTER TABLE "climbing_sessions" DROP CONSTRAINT "climbing_sessions_pkey";--> statement-breakpoint
ALTER TABLE "session_routes" DROP CONSTRAINT "session_routes_pkey";--> statement-breakpoint
ALTER TABLE "climbing_sessions" ADD CONSTRAINT "climbing_sessions_user_id_pk" PRIMARY KEY("user_id","id");--> statement-breakpoint
ALTER TABLE "route_tombstones" ADD CONSTRAINT "route_tombstones_user_id_pk" PRIMARY KEY("user_id","session_id","client_route_id");--> statement-breakpoint
ALTER TABLE "session_routes" ADD CONSTRAINT "session_routes_user_id_pk" PRIMARY KEY("user_id","id");--> statement-breakpoint
ALTER TABLE "session_routes" ADD CONSTRAINT "session_routes_client_id_uq" UNIQUE("user_id","session_id","client_route_id");--> statement-breakpoint
ALTER TABLE "route_tombstones" ADD CONSTRAINT "route_tombstones_session_fk" FOREIGN KEY ("user_id","session_id") REFERENCES "public"."climbing_sessions"("user_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_routes" ADD CONSTRAINT "session_routes_session_fk" FOREIGN KEY ("user_id","session_id") REFERENCES "public"."climbing_sessions"("user_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The community view's durable queue (catalogue/community-fold.ts).
CREATE TABLE "community_outbox" (
	"user_id" uuid NOT NULL,
	"climb_id" uuid NOT NULL,
	"queued_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "community_outbox_user_id_climb_id_pk" PRIMARY KEY("user_id","climb_id")
);--> statement-breakpoint
CREATE INDEX "community_outbox_queued_idx" ON "community_outbox" USING btree ("queued_at");--> statement-breakpoint
-- An unlisted climb's tries (0009_unlisted_climbs) are found by the climber's key, led by user_id.
DROP INDEX "session_routes_climb_key_logged_idx";--> statement-breakpoint
CREATE INDEX "session_routes_climb_key_logged_idx" ON "session_routes" USING btree ("user_id","climb_key","logged_at") WHERE "session_routes"."climb_key" is not null;
