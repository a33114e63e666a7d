-- SPDX-License-Identifier: GPL-3.0-or-later
-- Escale fleet server, schema 3: row-level security per kiosk, not only
-- per site. A kiosk role is mapped to its site AND its kiosk id; it may
-- read, insert, change and remove the rows of that kiosk only, so a kiosk
-- of a village cannot touch the figures of the other kiosks of the same
-- village either. escale_reader still reads everything.
--
-- Roles mapped before this schema have no kiosk yet: they can do nothing
-- until the administrator names it (data/server/README.md, section 2):
--   UPDATE escale.site_roles SET kiosk_id = 'poste-1' WHERE role_name = 'kiosk_vaux_1';

ALTER TABLE escale.site_roles ADD COLUMN kiosk_id text
  CHECK (kiosk_id ~ '^[a-z0-9-]+$');
-- One role per kiosk and one kiosk per role: two roles of the same
-- kiosk would make its figures two people's business.
ALTER TABLE escale.site_roles ADD CONSTRAINT site_roles_one_role_per_kiosk
  UNIQUE (site_id, kiosk_id);

-- The kiosk of a kiosk role (NULL for any other role, or one not mapped
-- to a kiosk yet: NULL matches no row). SECURITY DEFINER like site_of.
CREATE FUNCTION escale.kiosk_of (role name) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, escale
  AS $$ SELECT kiosk_id FROM escale.site_roles WHERE role_name = role $$;
REVOKE EXECUTE ON FUNCTION escale.kiosk_of (name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION escale.kiosk_of (name) TO escale_kiosk;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['day_totals', 'day_duration_totals', 'day_activity_totals',
                           'day_theme_totals', 'day_category_totals', 'day_counter_totals',
                           'month_hour_totals', 'workshops', 'counter_labels',
                           'activity_titles', 'pushes', 'monthly_totals',
                           'monthly_activity_totals', 'monthly_theme_totals',
                           'monthly_category_totals', 'monthly_counter_totals'] LOOP
    EXECUTE format ('DROP POLICY own_site ON escale.%I', t);
    EXECUTE format ('CREATE POLICY own_kiosk ON escale.%I TO escale_kiosk'
                    ' USING (site_id = escale.site_of (current_user)'
                    '        AND kiosk_id = escale.kiosk_of (current_user))'
                    ' WITH CHECK (site_id = escale.site_of (current_user)'
                    '             AND kiosk_id = escale.kiosk_of (current_user))', t);
  END LOOP;
END $$;

INSERT INTO escale.migrations (version) VALUES (3);
