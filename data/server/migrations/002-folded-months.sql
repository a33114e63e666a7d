-- SPDX-License-Identifier: GPL-3.0-or-later
-- Escale fleet server, schema 2: what a kiosk had already folded into
-- monthly totals (retention) before its first push, so the territory's
-- figures keep that history. Same columns as the kiosk's monthly_*
-- tables; a push sends only the months before its first pushed day (later
-- months reach the server as days, then fold on the kiosk only).

CREATE TABLE escale.monthly_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  sessions escale.count, minutes escale.count, help_asked escale.count,
  helper_calls escale.count, help_given escale.count, in_workshop escale.count,
  autonomous escale.count,
  PRIMARY KEY (site_id, kiosk_id, month)
);
CREATE TABLE escale.monthly_activity_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  activity_id text NOT NULL, theme text, sessions escale.count, minutes escale.count,
  PRIMARY KEY (site_id, kiosk_id, month, activity_id)
);
CREATE TABLE escale.monthly_theme_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  theme text NOT NULL, sessions escale.count, minutes escale.count,
  PRIMARY KEY (site_id, kiosk_id, month, theme)
);
CREATE TABLE escale.monthly_category_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  kind escale.slug NOT NULL, category text NOT NULL, sessions escale.count,
  PRIMARY KEY (site_id, kiosk_id, month, kind, category)
);
CREATE TABLE escale.monthly_counter_totals (
  site_id escale.slug NOT NULL, kiosk_id text NOT NULL,
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  kind escale.slug NOT NULL, counter escale.slug NOT NULL, value escale.count,
  PRIMARY KEY (site_id, kiosk_id, month, kind, counter)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['monthly_totals', 'monthly_activity_totals', 'monthly_theme_totals',
                           'monthly_category_totals', 'monthly_counter_totals'] LOOP
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

INSERT INTO escale.migrations (version) VALUES (2);
