CREATE TABLE "climb_climber_stats" (
	"climb_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sends" integer NOT NULL,
	"grade_key_v" bigint,
	"grade_key_font" bigint,
	"rating_key" bigint,
	CONSTRAINT "climb_climber_stats_climb_id_user_id_pk" PRIMARY KEY("climb_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "climb_session_stats" (
	"climb_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"sends" integer NOT NULL,
	"grade_key_v" bigint,
	"grade_key_font" bigint,
	"rating_key" bigint,
	CONSTRAINT "climb_session_stats_user_id_climb_id_session_id_pk" PRIMARY KEY("user_id","climb_id","session_id")
);

--> statement-breakpoint
-- Backfill: the community rows of every route already logged (catalogue/community-aggregate.ts).
insert into climb_session_stats (climb_id, user_id, session_id, sends, grade_key_v, grade_key_font, rating_key)
        select climb_id, user_id, session_id, sends, grade_key_v, grade_key_font, rating_key from (
    select r.session_id, r.climb_id, s.user_id,
           (count(*) filter (where r.is_success))::int as sends,
           max(floor(date_part('epoch', r.logged_at))::bigint * 64 + (array_position(array['VB', 'V0', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9', 'V10', 'V11', 'V12', 'V13', 'V14', 'V15', 'V16', 'V17']::text[], upper(btrim(r.grade_opinion))) - 1)) as grade_key_v, max(floor(date_part('epoch', r.logged_at))::bigint * 64 + (array_position(array['3', '4', '4+', '5', '5+', '6A', '6A+', '6B', '6B+', '6C', '6C+', '7A', '7A+', '7B', '7B+', '7C', '7C+', '8A', '8A+', '8B', '8B+', '8C', '8C+', '9A']::text[], upper(btrim(r.grade_opinion))) - 1)) as grade_key_font,
           max(floor(date_part('epoch', r.logged_at))::bigint * 64 + r.rating) as rating_key
    from session_routes r
    -- A deleted session keeps no routes; the filter states it where the rule is read.
    join climbing_sessions s on s.id = r.session_id and s.deleted_at is null
    where true
    group by r.session_id, r.climb_id, s.user_id) l1;
--> statement-breakpoint
insert into climb_climber_stats (climb_id, user_id, sends, grade_key_v, grade_key_font, rating_key)
        select climb_id, user_id, sends, grade_key_v, grade_key_font, rating_key from (
    select x.climb_id, x.user_id, sum(x.sends)::int as sends, max(x.grade_key_v) as grade_key_v, max(x.grade_key_font) as grade_key_font, max(x.rating_key) as rating_key
    from climb_session_stats x
    group by x.climb_id, x.user_id) l2;
