-- The community view keeps one level: a climber's row per climb (climb_climber_stats), merged
-- from new sessions' routes and recomputed from the climber's own routes on an edit. The level
-- per session was almost a second copy of session_routes, and writing it cost the ingest 1.5×.
DROP TABLE "climb_session_stats" CASCADE;
