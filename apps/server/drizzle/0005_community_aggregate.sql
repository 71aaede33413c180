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
           max(floor(date_part('epoch', r.logged_at))::bigint * 64 + g0.idx) as grade_key_v, max(floor(date_part('epoch', r.logged_at))::bigint * 64 + g1.idx) as grade_key_font,
           max(floor(date_part('epoch', r.logged_at))::bigint * 64 + r.rating) as rating_key
    from session_routes r
    -- A deleted session keeps no routes; the filter states it where the rule is read.
    join climbing_sessions s on s.id = r.session_id and s.deleted_at is null
    left join (values ('VB', 0), ('V0', 1), ('V1', 2), ('V2', 3), ('V3', 4), ('V4', 5), ('V5', 6), ('V6', 7), ('V7', 8), ('V8', 9), ('V9', 10), ('V10', 11), ('V11', 12), ('V12', 13), ('V13', 14), ('V14', 15), ('V15', 16), ('V16', 17), ('V17', 18)) as g0(grade, idx)
            on g0.grade = upper(btrim(r.grade_opinion)) left join (values ('3', 0), ('4', 1), ('4+', 2), ('5', 3), ('5+', 4), ('6A', 5), ('6A+', 6), ('6B', 7), ('6B+', 8), ('6C', 9), ('6C+', 10), ('7A', 11), ('7A+', 12), ('7B', 13), ('7B+', 14), ('7C', 15), ('7C+', 16), ('8A', 17), ('8A+', 18), ('8B', 19), ('8B+', 20), ('8C', 21), ('8C+', 22), ('9A', 23)) as g1(grade, idx)
            on g1.grade = upper(btrim(r.grade_opinion))
    where true
    group by r.session_id, r.climb_id, s.user_id) l1;
--> statement-breakpoint
insert into climb_climber_stats (climb_id, user_id, sends, grade_key_v, grade_key_font, rating_key)
        select climb_id, user_id, sends, grade_key_v, grade_key_font, rating_key from (
    select x.climb_id, x.user_id, sum(x.sends)::int as sends, max(x.grade_key_v) as grade_key_v, max(x.grade_key_font) as grade_key_font, max(x.rating_key) as rating_key
    from climb_session_stats x
    group by x.climb_id, x.user_id) l2;
