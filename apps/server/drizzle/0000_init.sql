CREATE TABLE "climbing_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"client_session_id" text,
	"layout_id" uuid,
	"start_time" timestamp (3) with time zone NOT NULL,
	"end_time" timestamp (3) with time zone,
	"notes" text,
	"revision" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"change_seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"server_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "climbing_sessions_user_key_uq" UNIQUE("user_id","idempotency_key"),
	CONSTRAINT "climbing_sessions_revision_ck" CHECK ("climbing_sessions"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "climbs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"layout_id" uuid NOT NULL,
	"name" text NOT NULL,
	"grade" text NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "layouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "route_tombstones" (
	"session_id" uuid NOT NULL,
	"client_route_id" text NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "route_tombstones_session_id_client_route_id_pk" PRIMARY KEY("session_id","client_route_id")
);
--> statement-breakpoint
CREATE TABLE "server_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_routes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"client_route_id" text NOT NULL,
	"climb_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"position" integer NOT NULL,
	"is_success" boolean NOT NULL,
	"attempts" integer NOT NULL,
	"notes" text,
	"rating" integer,
	"grade_opinion" text,
	"logged_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "session_routes_client_id_uq" UNIQUE("session_id","client_route_id"),
	CONSTRAINT "session_routes_attempts_ck" CHECK ("session_routes"."attempts" between 1 and 999)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text NOT NULL,
	"token_version" integer DEFAULT 0 NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "climbing_sessions" ADD CONSTRAINT "climbing_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climbing_sessions" ADD CONSTRAINT "climbing_sessions_layout_id_layouts_id_fk" FOREIGN KEY ("layout_id") REFERENCES "public"."layouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "climbs" ADD CONSTRAINT "climbs_layout_id_layouts_id_fk" FOREIGN KEY ("layout_id") REFERENCES "public"."layouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_tombstones" ADD CONSTRAINT "route_tombstones_session_id_climbing_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."climbing_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_routes" ADD CONSTRAINT "session_routes_session_id_climbing_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."climbing_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_routes" ADD CONSTRAINT "session_routes_climb_id_climbs_id_fk" FOREIGN KEY ("climb_id") REFERENCES "public"."climbs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "climbing_sessions_history_idx" ON "climbing_sessions" USING btree ("user_id","start_time" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "climbing_sessions_changes_idx" ON "climbing_sessions" USING btree ("user_id","change_seq");--> statement-breakpoint
CREATE INDEX "climbs_layout_idx" ON "climbs" USING btree ("layout_id");