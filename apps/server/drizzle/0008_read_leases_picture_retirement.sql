CREATE TABLE "read_leases" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"holder" uuid NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wall_images" ADD COLUMN "unused_since" timestamp (3) with time zone;