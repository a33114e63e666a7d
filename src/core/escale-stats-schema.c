/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statistics store's schema, as the numbered list of migrations that
 * build it. EscaleStatsStore applies the missing ones in one transaction. */
#include <glib/gi18n-lib.h>

#include "escale-stats-schema.h"

/* Each entry takes the schema from version N to N+1. Never edit a released
 * entry: add a new one. */
const char *const escale_stats_migrations[] = {
  /* 0 -> 1: the spine's schema. */
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  start_hour INTEGER NOT NULL CHECK (start_hour BETWEEN 0 AND 23),"
  "  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
  "  duration_min INTEGER NOT NULL CHECK (duration_min >= 0),"
  "  end_reason TEXT NOT NULL CHECK (end_reason IN ('finished', 'timeout', 'staff')),"
  "  helper_calls INTEGER NOT NULL DEFAULT 0 CHECK (helper_calls >= 0)"
  ");"
  "CREATE INDEX sessions_by_day ON sessions (day);"
  "CREATE TABLE session_activities ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  activity_id TEXT NOT NULL,"
  "  minutes INTEGER NOT NULL CHECK (minutes >= 0),"
  "  PRIMARY KEY (session_id, activity_id)"
  ");",

  /* 1 -> 2: the staff space. Every existing row is kept: it gets a random
   * id and this kiosk's id, so stores of several kiosks can be merged
   * without counting a visit twice. */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "INSERT INTO meta (key, value) VALUES ('kiosk_id', lower(hex(randomblob(16))));"
  "ALTER TABLE sessions ADD COLUMN uid TEXT;"
  "ALTER TABLE sessions ADD COLUMN kiosk_id TEXT;"
  "ALTER TABLE sessions ADD COLUMN accompanied INTEGER NOT NULL DEFAULT 0"
  "  CHECK (accompanied IN (0, 1));"
  "ALTER TABLE sessions ADD COLUMN satisfaction TEXT"
  "  CHECK (satisfaction IN ('oui', 'en-partie', 'non'));"
  "ALTER TABLE sessions ADD COLUMN age_bracket TEXT"
  "  CHECK (age_bracket IN ('18-24', '25-39', '40-59', '60-69', '70+', 'refus'));"
  "UPDATE sessions SET uid = lower(hex(randomblob(16))),"
  "  kiosk_id = (SELECT value FROM meta WHERE key = 'kiosk_id'),"
  "  accompanied = (helper_calls > 0);"
  "CREATE UNIQUE INDEX sessions_by_uid ON sessions (uid);"
  "ALTER TABLE session_activities ADD COLUMN theme TEXT;"
  /* What retention leaves of old visits: totals per kiosk and month. */
  "CREATE TABLE monthly_totals ("
  "  kiosk_id TEXT NOT NULL,"
  "  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),"
  "  sessions INTEGER NOT NULL CHECK (sessions >= 0),"
  "  minutes INTEGER NOT NULL CHECK (minutes >= 0),"
  "  accompanied INTEGER NOT NULL CHECK (accompanied >= 0),"
  "  helper_calls INTEGER NOT NULL CHECK (helper_calls >= 0),"
  "  PRIMARY KEY (kiosk_id, month)"
  ");"
  "CREATE TABLE monthly_activity_totals ("
  "  kiosk_id TEXT NOT NULL,"
  "  month TEXT NOT NULL,"
  "  activity_id TEXT NOT NULL,"
  "  theme TEXT,"
  "  sessions INTEGER NOT NULL CHECK (sessions >= 0),"
  "  minutes INTEGER NOT NULL CHECK (minutes >= 0),"
  "  PRIMARY KEY (kiosk_id, month, activity_id)"
  ");"
  /* The staff code and its back-off, one row; failures counted per day. */
  "CREATE TABLE staff_access ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  pin_hash TEXT,"
  "  failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),"
  "  locked_until INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO staff_access (id) VALUES (1);"
  "CREATE TABLE staff_failures ("
  "  day TEXT PRIMARY KEY,"
  "  attempts INTEGER NOT NULL CHECK (attempts >= 0)"
  ");",

  /* 2 -> 3: the dashboard reads a period from covering indexes only (a
   * year of a busy centre in tens of milliseconds): each activity row
   * carries its visit's day (added by add_missing_columns () first), and
   * the day index of schema 1 becomes a covering one. */
  "UPDATE session_activities SET day = (SELECT day FROM sessions WHERE id = session_id);"
  "CREATE INDEX IF NOT EXISTS activities_by_day ON session_activities"
  "  (day, activity_id, theme, minutes);"
  "DROP INDEX IF EXISTS sessions_by_day;"
  "CREATE INDEX sessions_by_day ON sessions (day, start_hour, weekday, duration_min,"
  "  accompanied, helper_calls, satisfaction, age_bracket);",

  /* 3 -> 4: per-day totals, so that any period (five years of a busy
   * centre) reads at most a few hundred thousand small rows instead of a
   * million visits. They hold nothing finer than the visit rows: counts per
   * day, per day and activity, per day and hour of start, per day and whole
   * minute of duration (for the exact median). Triggers keep them in the
   * same transaction as every insert or delete of a visit or activity row
   * (a visit's write, a merge, retention, purge); rows that fall to zero are
   * deleted so that retention leaves no trace of a day. Visit rows are never
   * updated after their insert; if that changes, add UPDATE triggers. */
  "CREATE TABLE day_totals ("
  "  day TEXT PRIMARY KEY,"
  "  sessions INTEGER NOT NULL, minutes INTEGER NOT NULL,"
  "  accompanied INTEGER NOT NULL, helper_calls INTEGER NOT NULL,"
  "  under_30_min INTEGER NOT NULL, under_1_h INTEGER NOT NULL,"
  "  under_2_h INTEGER NOT NULL, over_2_h INTEGER NOT NULL,"
  "  satisfaction_yes INTEGER NOT NULL, satisfaction_partly INTEGER NOT NULL,"
  "  satisfaction_no INTEGER NOT NULL,"
  "  age_18_24 INTEGER NOT NULL, age_25_39 INTEGER NOT NULL, age_40_59 INTEGER NOT NULL,"
  "  age_60_69 INTEGER NOT NULL, age_70_plus INTEGER NOT NULL, age_declined INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE day_hour_totals ("
  "  day TEXT NOT NULL, weekday INTEGER NOT NULL, start_hour INTEGER NOT NULL,"
  "  sessions INTEGER NOT NULL,"
  "  PRIMARY KEY (day, weekday, start_hour)"
  ") WITHOUT ROWID;"
  "CREATE TABLE day_duration_totals ("
  "  day TEXT NOT NULL, duration_min INTEGER NOT NULL, sessions INTEGER NOT NULL,"
  "  PRIMARY KEY (day, duration_min)"
  ") WITHOUT ROWID;"
  /* theme '' stands for no theme (a primary key cannot hold NULL). */
  "CREATE TABLE day_activity_totals ("
  "  day TEXT NOT NULL, activity_id TEXT NOT NULL, theme TEXT NOT NULL,"
  "  sessions INTEGER NOT NULL, minutes INTEGER NOT NULL,"
  "  PRIMARY KEY (day, activity_id, theme)"
  ") WITHOUT ROWID;"
  "INSERT INTO day_totals SELECT day, count (*), sum (duration_min), sum (accompanied),"
  "  sum (helper_calls), sum (duration_min < 30),"
  "  sum (duration_min >= 30 AND duration_min < 60),"
  "  sum (duration_min >= 60 AND duration_min < 120), sum (duration_min >= 120),"
  "  sum (satisfaction IS 'oui'), sum (satisfaction IS 'en-partie'),"
  "  sum (satisfaction IS 'non'), sum (age_bracket IS '18-24'), sum (age_bracket IS '25-39'),"
  "  sum (age_bracket IS '40-59'), sum (age_bracket IS '60-69'), sum (age_bracket IS '70+'),"
  "  sum (age_bracket IS 'refus')"
  "  FROM sessions GROUP BY day;"
  "INSERT INTO day_hour_totals SELECT day, weekday, start_hour, count (*) FROM sessions"
  "  GROUP BY 1, 2, 3;"
  "INSERT INTO day_duration_totals SELECT day, duration_min, count (*) FROM sessions"
  "  GROUP BY 1, 2;"
  "INSERT INTO day_activity_totals SELECT day, activity_id, ifnull (theme, ''), count (*),"
  "  sum (minutes) FROM session_activities GROUP BY 1, 2, 3;"
  "CREATE TRIGGER day_totals_add AFTER INSERT ON sessions BEGIN"
  "  INSERT INTO day_totals VALUES (NEW.day, 1, NEW.duration_min, NEW.accompanied,"
  "    NEW.helper_calls, NEW.duration_min < 30,"
  "    NEW.duration_min >= 30 AND NEW.duration_min < 60,"
  "    NEW.duration_min >= 60 AND NEW.duration_min < 120, NEW.duration_min >= 120,"
  "    NEW.satisfaction IS 'oui', NEW.satisfaction IS 'en-partie', NEW.satisfaction IS 'non',"
  "    NEW.age_bracket IS '18-24', NEW.age_bracket IS '25-39', NEW.age_bracket IS '40-59',"
  "    NEW.age_bracket IS '60-69', NEW.age_bracket IS '70+', NEW.age_bracket IS 'refus')"
  "  ON CONFLICT (day) DO UPDATE SET sessions = sessions + 1,"
  "    minutes = minutes + excluded.minutes, accompanied = accompanied + excluded.accompanied,"
  "    helper_calls = helper_calls + excluded.helper_calls,"
  "    under_30_min = under_30_min + excluded.under_30_min,"
  "    under_1_h = under_1_h + excluded.under_1_h, under_2_h = under_2_h + excluded.under_2_h,"
  "    over_2_h = over_2_h + excluded.over_2_h,"
  "    satisfaction_yes = satisfaction_yes + excluded.satisfaction_yes,"
  "    satisfaction_partly = satisfaction_partly + excluded.satisfaction_partly,"
  "    satisfaction_no = satisfaction_no + excluded.satisfaction_no,"
  "    age_18_24 = age_18_24 + excluded.age_18_24, age_25_39 = age_25_39 + excluded.age_25_39,"
  "    age_40_59 = age_40_59 + excluded.age_40_59, age_60_69 = age_60_69 + excluded.age_60_69,"
  "    age_70_plus = age_70_plus + excluded.age_70_plus,"
  "    age_declined = age_declined + excluded.age_declined;"
  "  INSERT INTO day_hour_totals VALUES (NEW.day, NEW.weekday, NEW.start_hour, 1)"
  "  ON CONFLICT DO UPDATE SET sessions = sessions + 1;"
  "  INSERT INTO day_duration_totals VALUES (NEW.day, NEW.duration_min, 1)"
  "  ON CONFLICT DO UPDATE SET sessions = sessions + 1;"
  "END;"
  "CREATE TRIGGER day_totals_remove AFTER DELETE ON sessions BEGIN"
  "  UPDATE day_totals SET sessions = sessions - 1, minutes = minutes - OLD.duration_min,"
  "    accompanied = accompanied - OLD.accompanied,"
  "    helper_calls = helper_calls - OLD.helper_calls,"
  "    under_30_min = under_30_min - (OLD.duration_min < 30),"
  "    under_1_h = under_1_h - (OLD.duration_min >= 30 AND OLD.duration_min < 60),"
  "    under_2_h = under_2_h - (OLD.duration_min >= 60 AND OLD.duration_min < 120),"
  "    over_2_h = over_2_h - (OLD.duration_min >= 120),"
  "    satisfaction_yes = satisfaction_yes - (OLD.satisfaction IS 'oui'),"
  "    satisfaction_partly = satisfaction_partly - (OLD.satisfaction IS 'en-partie'),"
  "    satisfaction_no = satisfaction_no - (OLD.satisfaction IS 'non'),"
  "    age_18_24 = age_18_24 - (OLD.age_bracket IS '18-24'),"
  "    age_25_39 = age_25_39 - (OLD.age_bracket IS '25-39'),"
  "    age_40_59 = age_40_59 - (OLD.age_bracket IS '40-59'),"
  "    age_60_69 = age_60_69 - (OLD.age_bracket IS '60-69'),"
  "    age_70_plus = age_70_plus - (OLD.age_bracket IS '70+'),"
  "    age_declined = age_declined - (OLD.age_bracket IS 'refus')"
  "  WHERE day = OLD.day;"
  "  DELETE FROM day_totals WHERE day = OLD.day AND sessions <= 0;"
  "  UPDATE day_hour_totals SET sessions = sessions - 1"
  "  WHERE day = OLD.day AND weekday = OLD.weekday AND start_hour = OLD.start_hour;"
  "  DELETE FROM day_hour_totals WHERE day = OLD.day AND weekday = OLD.weekday"
  "    AND start_hour = OLD.start_hour AND sessions <= 0;"
  "  UPDATE day_duration_totals SET sessions = sessions - 1"
  "  WHERE day = OLD.day AND duration_min = OLD.duration_min;"
  "  DELETE FROM day_duration_totals WHERE day = OLD.day AND duration_min = OLD.duration_min"
  "    AND sessions <= 0;"
  "END;"
  "CREATE TRIGGER day_activity_totals_add AFTER INSERT ON session_activities BEGIN"
  "  INSERT INTO day_activity_totals VALUES (NEW.day, NEW.activity_id, ifnull (NEW.theme, ''),"
  "    1, NEW.minutes)"
  "  ON CONFLICT DO UPDATE SET sessions = sessions + 1, minutes = minutes + excluded.minutes;"
  "END;"
  "CREATE TRIGGER day_activity_totals_remove AFTER DELETE ON session_activities BEGIN"
  "  UPDATE day_activity_totals SET sessions = sessions - 1, minutes = minutes - OLD.minutes"
  "  WHERE day = OLD.day AND activity_id = OLD.activity_id AND theme = ifnull (OLD.theme, '');"
  "  DELETE FROM day_activity_totals WHERE day = OLD.day AND activity_id = OLD.activity_id"
  "    AND theme = ifnull (OLD.theme, '') AND sessions <= 0;"
  "END;",

  /* 4 -> 5: video calls. Only visits with a call have a row: how many calls
   * were started, how many connected (the family's picture arrived), whole
   * minutes connected. Nothing about who was called. Few visits have one,
   * so a period's figures read this small table through its day index. */
  "CREATE TABLE session_calls ("
  "  session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,"
  "  day TEXT NOT NULL,"
  "  calls_started INTEGER NOT NULL CHECK (calls_started > 0),"
  "  calls_connected INTEGER NOT NULL"
  "    CHECK (calls_connected >= 0 AND calls_connected <= calls_started),"
  "  call_minutes INTEGER NOT NULL CHECK (call_minutes >= 0)"
  ");"
  "CREATE INDEX session_calls_by_day ON session_calls (day);",

  /* 5 -> 6: retention keeps the calls of the months it folds, like it
   * keeps their visits (monthly_totals). */
  "CREATE TABLE monthly_call_totals ("
  "  kiosk_id TEXT NOT NULL, month TEXT NOT NULL,"
  "  calls_started INTEGER NOT NULL, calls_connected INTEGER NOT NULL,"
  "  call_minutes INTEGER NOT NULL,"
  "  PRIMARY KEY (kiosk_id, month)"
  ") WITHOUT ROWID;",

  /* 6 -> 7: counters of any activity kind through one table, so a new kind
   * needs no schema of its own. A counter is a whole number >= 0 under a
   * fixed name ([a-z0-9-]+, checked here too): never a text of what was
   * done. Per-day totals kept by triggers like schema 4's; folded months in
   * monthly_counter_totals; the declared French labels (msgids) in
   * counter_labels so that escale-stats and merged stores can name them.
   * The calls of schemas 5 and 6 become kind 'call' counters (zeros are
   * not stored: only counters that happened have a row), then go. */
  "CREATE TABLE session_counters ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  day TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (length (kind) > 0 AND kind NOT GLOB '*[^a-z0-9-]*'),"
  "  counter TEXT NOT NULL"
  "    CHECK (length (counter) > 0 AND counter NOT GLOB '*[^a-z0-9-]*'),"
  "  value INTEGER NOT NULL CHECK (typeof (value) = 'integer' AND value >= 0),"
  "  PRIMARY KEY (session_id, kind, counter)"
  ") WITHOUT ROWID;"
  "CREATE TABLE day_counter_totals ("
  "  day TEXT NOT NULL, kind TEXT NOT NULL, counter TEXT NOT NULL,"
  "  sessions INTEGER NOT NULL, value INTEGER NOT NULL,"
  "  PRIMARY KEY (day, kind, counter)"
  ") WITHOUT ROWID;"
  "CREATE TABLE monthly_counter_totals ("
  "  kiosk_id TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL, counter TEXT NOT NULL,"
  "  value INTEGER NOT NULL CHECK (typeof (value) = 'integer' AND value >= 0),"
  "  PRIMARY KEY (kiosk_id, month, kind, counter)"
  ") WITHOUT ROWID;"
  "CREATE TABLE counter_labels ("
  "  kind TEXT NOT NULL, counter TEXT NOT NULL, label TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, counter)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER day_counter_totals_add AFTER INSERT ON session_counters BEGIN"
  "  INSERT INTO day_counter_totals VALUES (NEW.day, NEW.kind, NEW.counter, 1, NEW.value)"
  "  ON CONFLICT DO UPDATE SET sessions = sessions + 1, value = value + excluded.value;"
  "END;"
  "CREATE TRIGGER day_counter_totals_remove AFTER DELETE ON session_counters BEGIN"
  "  UPDATE day_counter_totals SET sessions = sessions - 1, value = value - OLD.value"
  "  WHERE day = OLD.day AND kind = OLD.kind AND counter = OLD.counter;"
  "  DELETE FROM day_counter_totals WHERE day = OLD.day AND kind = OLD.kind"
  "    AND counter = OLD.counter AND sessions <= 0;"
  "END;"
  "INSERT INTO session_counters SELECT session_id, day, 'call', 'started', calls_started"
  "  FROM session_calls;"
  "INSERT INTO session_counters SELECT session_id, day, 'call', 'connected', calls_connected"
  "  FROM session_calls WHERE calls_connected > 0;"
  "INSERT INTO session_counters SELECT session_id, day, 'call', 'minutes', call_minutes"
  "  FROM session_calls WHERE call_minutes > 0;"
  "INSERT INTO monthly_counter_totals SELECT kiosk_id, month, 'call', 'started', calls_started"
  "  FROM monthly_call_totals WHERE calls_started > 0;"
  "INSERT INTO monthly_counter_totals SELECT kiosk_id, month, 'call', 'connected',"
  "  calls_connected FROM monthly_call_totals WHERE calls_connected > 0;"
  "INSERT INTO monthly_counter_totals SELECT kiosk_id, month, 'call', 'minutes', call_minutes"
  "  FROM monthly_call_totals WHERE call_minutes > 0;"
  "INSERT INTO counter_labels VALUES ('call', 'started', 'Appels vidéo lancés', 0),"
  "  ('call', 'connected', 'Appels vidéo aboutis', 1),"
  "  ('call', 'minutes', 'Minutes en communication', 2);"
  "DROP TABLE session_calls;"
  "DROP TABLE monthly_call_totals;",
};

/* The labels migration 7 writes, for the catalogue (the call kind declares
 * the same msgids). */
static const char *const migrated_labels[] G_GNUC_UNUSED = {
  N_ ("Appels vidéo lancés"),
  N_ ("Appels vidéo aboutis"),
  N_ ("Minutes en communication"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (escale_stats_migrations) == ESCALE_STATS_SCHEMA_VERSION);
