-- SPDX-License-Identifier: GPL-3.0-or-later
-- Escale fleet server, schema 1: the anonymous day totals of every kiosk of
-- every site. Never a visit: one row per (site, kiosk, day, ...) and the
-- same columns as the kiosk's own day_* tables (src/core/escale-stats-schema.c),
-- so a kiosk's report and the server's are computed by the same code.
-- Applied by escale-server-migrate, as the database owner, in one transaction.

CREATE SCHEMA escale;

CREATE TABLE escale.migrations (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- A site (a village's centre) and the roles its kiosks log in with.
CREATE TABLE escale.sites (
  site_id text PRIMARY KEY CHECK (site_id ~ '^[a-z0-9-]+$'),
  name text NOT NULL
);
CREATE TABLE escale.site_roles (
  role_name name PRIMARY KEY,
  site_id text NOT NULL REFERENCES escale.sites ON DELETE CASCADE
);

CREATE DOMAIN escale.slug AS text CHECK (VALUE ~ '^[a-z0-9-]+$');
CREATE DOMAIN escale.count AS bigint NOT NULL CHECK (VALUE >= 0);

CREATE TABLE escale.day_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL, day date NOT NULL,
  sessions escale.count, minutes escale.count,
  help_asked escale.count, helper_calls escale.count, help_given escale.count,
  in_workshop escale.count, autonomous escale.count,
  under_30_min escale.count, under_1_h escale.count, under_2_h escale.count,
  over_2_h escale.count,
  satisfaction_yes escale.count, satisfaction_partly escale.count, satisfaction_no escale.count,
  age_18_24 escale.count, age_25_39 escale.count, age_40_59 escale.count,
  age_60_69 escale.count, age_70_plus escale.count, age_declined escale.count,
  PRIMARY KEY (site_id, kiosk_id, day)
);
CREATE INDEX day_totals_by_day ON escale.day_totals (day);

-- Visits per whole minute of duration: the exact median of any period.
CREATE TABLE escale.day_duration_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL, day date NOT NULL,
  duration_min integer NOT NULL CHECK (duration_min >= 0), sessions escale.count,
  PRIMARY KEY (site_id, kiosk_id, day, duration_min)
);
CREATE INDEX day_duration_totals_by_day ON escale.day_duration_totals (day);

-- theme '' is "no theme", as on the kiosk.
CREATE TABLE escale.day_activity_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL, day date NOT NULL,
  activity_id text NOT NULL, theme text NOT NULL,
  sessions escale.count, minutes escale.count,
  PRIMARY KEY (site_id, kiosk_id, day, activity_id, theme)
);
CREATE INDEX day_activity_totals_by_day ON escale.day_activity_totals (day);

CREATE TABLE escale.day_theme_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL, day date NOT NULL,
  theme text NOT NULL, sessions escale.count, minutes escale.count,
  PRIMARY KEY (site_id, kiosk_id, day, theme)
);
CREATE INDEX day_theme_totals_by_day ON escale.day_theme_totals (day);

CREATE TABLE escale.day_category_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL, day date NOT NULL,
  kind escale.slug NOT NULL, category text NOT NULL, sessions escale.count,
  PRIMARY KEY (site_id, kiosk_id, day, kind, category)
);
CREATE INDEX day_category_totals_by_day ON escale.day_category_totals (day);

CREATE TABLE escale.day_counter_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL, day date NOT NULL,
  kind escale.slug NOT NULL, counter escale.slug NOT NULL,
  sessions escale.count, value escale.count,
  PRIMARY KEY (site_id, kiosk_id, day, kind, counter)
);
CREATE INDEX day_counter_totals_by_day ON escale.day_counter_totals (day);

-- Hour of start per month and weekday, only for cells of at least the
-- kiosk's threshold of visits ([Fleet] hour-threshold, 5 by default): a
-- small village's "Tuesday 10 h" with one visit could single a person out.
CREATE TABLE escale.month_hour_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  weekday integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_hour integer NOT NULL CHECK (start_hour BETWEEN 0 AND 23),
  sessions escale.count,
  PRIMARY KEY (site_id, kiosk_id, month, weekday, start_hour)
);

-- Collective activities: how many took part, never who.
CREATE TABLE escale.workshops (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  uid text NOT NULL CHECK (uid ~ '^[0-9a-z]{1,32}$'),
  day date NOT NULL,
  start_hour integer NOT NULL CHECK (start_hour BETWEEN 0 AND 23),
  duration_min integer NOT NULL CHECK (duration_min >= 0),
  theme text NOT NULL CHECK (theme ~ '^[a-z0-9_]+$'),
  level text NOT NULL CHECK (level IN ('debutant', 'intermediaire', 'avance')),
  participants escale.count,
  PRIMARY KEY (site_id, kiosk_id, uid)
);
CREATE INDEX workshops_by_day ON escale.workshops (day);

-- What the kiosks' kinds declared and the centres named their activities.
CREATE TABLE escale.counter_labels (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  kind escale.slug NOT NULL, counter escale.slug NOT NULL,
  label text NOT NULL, position integer NOT NULL,
  PRIMARY KEY (site_id, kiosk_id, kind, counter)
);
CREATE TABLE escale.activity_titles (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  activity_id text NOT NULL, title text NOT NULL,
  PRIMARY KEY (site_id, kiosk_id, activity_id)
);

-- Each kiosk's last push, for the administrator.
CREATE TABLE escale.pushes (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  pushed_at timestamptz NOT NULL, first_day date, last_day date,
  PRIMARY KEY (site_id, kiosk_id)
);

-- The site of a kiosk role (NULL for any other role). SECURITY DEFINER so
-- that kiosks need not read site_roles; the policies pass it current_user
-- (inside the function current_user would be its owner).
CREATE FUNCTION escale.site_of (role name) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, escale
  AS $$ SELECT site_id FROM escale.site_roles WHERE role_name = role $$;
REVOKE EXECUTE ON FUNCTION escale.site_of (name) FROM PUBLIC;

-- escale_kiosk: what every kiosk role is a member of. It may read, insert,
-- update and delete the rows of its own site, and nothing else: no other
-- site (row-level security), no DDL. (A push replaces its kiosk's days
-- as a whole: DELETE then INSERT of the days sent, in one transaction.)
-- escale_reader: reads everything (escale-stats summary --server).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'escale_kiosk') THEN
    CREATE ROLE escale_kiosk NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'escale_reader') THEN
    CREATE ROLE escale_reader NOLOGIN;
  END IF;
END $$;

GRANT USAGE ON SCHEMA escale TO escale_kiosk, escale_reader;
GRANT SELECT ON escale.migrations TO escale_kiosk, escale_reader;
GRANT SELECT ON escale.sites, escale.site_roles TO escale_reader;
GRANT EXECUTE ON FUNCTION escale.site_of (name) TO escale_kiosk;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['day_totals', 'day_duration_totals', 'day_activity_totals',
                           'day_theme_totals', 'day_category_totals', 'day_counter_totals',
                           'month_hour_totals', 'workshops', 'counter_labels',
                           'activity_titles', 'pushes'] LOOP
    EXECUTE format ('ALTER TABLE escale.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format ('GRANT SELECT, INSERT, UPDATE, DELETE ON escale.%I TO escale_kiosk', t);
    EXECUTE format ('GRANT SELECT ON escale.%I TO escale_reader', t);
    EXECUTE format ('CREATE POLICY own_site ON escale.%I TO escale_kiosk'
                    ' USING (site_id = escale.site_of (current_user))'
                    ' WITH CHECK (site_id = escale.site_of (current_user))', t);
    EXECUTE format ('CREATE POLICY read_all ON escale.%I FOR SELECT TO escale_reader'
                    ' USING (true)', t);
  END LOOP;
END $$;

INSERT INTO escale.migrations (version) VALUES (1);
