CREATE TABLE "gym_follows" (
	"user_id" uuid NOT NULL,
	"gym_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gym_follows_user_id_gym_id_pk" PRIMARY KEY("user_id","gym_id")
);
--> statement-breakpoint
CREATE TABLE "gym_staff" (
	"gym_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gym_staff_gym_id_user_id_pk" PRIMARY KEY("gym_id","user_id"),
	CONSTRAINT "gym_staff_role_ck" CHECK ("gym_staff"."role" in ('admin', 'setter'))
);
--> statement-breakpoint
CREATE TABLE "gyms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"country" text,
	"time_zone" text NOT NULL,
	"grade_system" text DEFAULT 'V' NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"search_name" text NOT NULL,
	"search_city" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gyms_slug_unique" UNIQUE("slug"),
	CONSTRAINT "gyms_grade_system_ck" CHECK ("gyms"."grade_system" in ('V', 'Font'))
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_ck";--> statement-breakpoint
ALTER TABLE "climbs" ADD COLUMN "removal_planned_at" date;--> statement-breakpoint
-- Upgrade: a v2 database (one gym's walls, its climbers and setters) becomes one gym. Its walls
-- go into it, v2 setters become its setters, v2 admins its admins (and stay server admins), every
-- account follows it. SQL cannot read the environment: the gym is named 'My gym' in UTC here and
-- gets SENDLOG_GYM_NAME and SENDLOG_GYM_TIMEZONE right after, from the pending key left in
-- server_settings (gyms/upgrade-gym.ts). A new, empty database gets no gym.
ALTER TABLE "layouts" ADD COLUMN "gym_id" uuid;--> statement-breakpoint
INSERT INTO "gyms" ("id", "slug", "name", "time_zone", "search_name")
  SELECT gen_random_uuid(), 'my-gym', 'My gym', 'UTC', 'my gym'
  WHERE EXISTS (SELECT 1 FROM "users") OR EXISTS (SELECT 1 FROM "layouts");--> statement-breakpoint
INSERT INTO "server_settings" ("key", "value") SELECT 'gyms.upgrade_gym', "id"::text FROM "gyms";--> statement-breakpoint
UPDATE "layouts" SET "gym_id" = (SELECT "id" FROM "gyms");--> statement-breakpoint
INSERT INTO "gym_staff" ("gym_id", "user_id", "role")
  SELECT g."id", u."id", CASE u."role" WHEN 'admin' THEN 'admin' ELSE 'setter' END
  FROM "gyms" g CROSS JOIN "users" u WHERE u."role" IN ('setter', 'admin');--> statement-breakpoint
INSERT INTO "gym_follows" ("user_id", "gym_id") SELECT u."id", g."id" FROM "users" u CROSS JOIN "gyms" g;--> statement-breakpoint
UPDATE "users" SET "role" = 'climber' WHERE "role" = 'setter';--> statement-breakpoint
ALTER TABLE "layouts" ALTER COLUMN "gym_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "gym_follows" ADD CONSTRAINT "gym_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gym_follows" ADD CONSTRAINT "gym_follows_gym_id_gyms_id_fk" FOREIGN KEY ("gym_id") REFERENCES "public"."gyms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gym_staff" ADD CONSTRAINT "gym_staff_gym_id_gyms_id_fk" FOREIGN KEY ("gym_id") REFERENCES "public"."gyms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gym_staff" ADD CONSTRAINT "gym_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gym_follows_gym_idx" ON "gym_follows" USING btree ("gym_id");--> statement-breakpoint
CREATE INDEX "gym_staff_user_idx" ON "gym_staff" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "layouts" ADD CONSTRAINT "layouts_gym_id_gyms_id_fk" FOREIGN KEY ("gym_id") REFERENCES "public"."gyms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "layouts_gym_idx" ON "layouts" USING btree ("gym_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_ck" CHECK ("users"."role" in ('climber', 'admin'));