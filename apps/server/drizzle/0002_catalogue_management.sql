CREATE TABLE "wall_images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "climbs" ADD COLUMN "color" text;--> statement-breakpoint
ALTER TABLE "climbs" ADD COLUMN "position_x" double precision;--> statement-breakpoint
ALTER TABLE "climbs" ADD COLUMN "position_y" double precision;--> statement-breakpoint
ALTER TABLE "climbs" ADD COLUMN "setter" text;--> statement-breakpoint
ALTER TABLE "climbs" ADD COLUMN "set_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "layouts" ADD COLUMN "grade_system" text DEFAULT 'V' NOT NULL;--> statement-breakpoint
ALTER TABLE "layouts" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "layouts" ADD COLUMN "image_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "role" text DEFAULT 'climber' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "grade_system" text DEFAULT 'V' NOT NULL;--> statement-breakpoint
ALTER TABLE "layouts" ADD CONSTRAINT "layouts_image_id_wall_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."wall_images"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_routes_climb_idx" ON "session_routes" USING btree ("climb_id");--> statement-breakpoint
ALTER TABLE "climbs" ADD CONSTRAINT "climbs_position_ck" CHECK (("climbs"."position_x" is null) = ("climbs"."position_y" is null) and coalesce("climbs"."position_x" between 0 and 1 and "climbs"."position_y" between 0 and 1, true));--> statement-breakpoint
ALTER TABLE "layouts" ADD CONSTRAINT "layouts_grade_system_ck" CHECK ("layouts"."grade_system" in ('V', 'Font'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_ck" CHECK ("users"."role" in ('climber', 'setter', 'admin'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_grade_system_ck" CHECK ("users"."grade_system" in ('V', 'Font'));