#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# escale-stats as staff use it, above all its error paths: a clear message,
# a non-zero exit, and the input of a failed command left as it was. TAP.
tool="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}

run () {
  "$tool" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
}

echo "1..52"
# French thousands: 1 234 with a no-break space.
nbsp="$(printf '\302\240')"
db="$tmp/stats.db"

run
check "no command: exit 2 and a hint" '[ $rc -eq 2 ] && grep -q -- "--help" "$tmp/err"'
run --db "$db" frobnicate
check "unknown command: exit 2, named" '[ $rc -eq 2 ] && grep -q "frobnicate" "$tmp/err"'
run --db "$db" summary
check "summary of a missing file: exit 1, says so" '[ $rc -eq 1 ] && grep -q "n.existe pas" "$tmp/err"'
check "... and creates nothing" '[ ! -e "$db" ]'

echo 12 | "$tool" --db "$db" set-code >"$tmp/out" 2>"$tmp/err"; rc=$?
check "set-code refuses a short code, creates nothing" '[ $rc -eq 1 ] && grep -q "de 6 à 12 chiffres" "$tmp/err" && [ ! -e "$db" ]'
echo 482913 | "$tool" --db "$db" set-code >"$tmp/out" 2>"$tmp/err"; rc=$?
check "set-code stores a hash beside the store, never the code, not in the store" '[ $rc -eq 0 ] && grep -q "^Hash=.argon2id.v=19" "$tmp/staff-code" && [ "$(stat -c %a "$tmp/staff-code")" = 600 ] && ! grep -q 482913 "$tmp/staff-code" "$db" && [ -z "$(sqlite3 "$db" "SELECT pin_hash FROM staff_access")" ]'

# As root (CI, an administrator) in the kiosk user's folder: the code's
# files become the kiosk user's, and root creates no store there.
kiosk_state="$tmp/kiosk-state"
mkdir "$kiosk_state" && chown nobody "$kiosk_state" 2>/dev/null
echo 135790 | "$tool" --db "$kiosk_state/stats.db" set-code >/dev/null 2>&1; rc=$?
check "set-code as root leaves the kiosk user's files to that user" '[ $rc -eq 0 ] && { [ "$(id -u)" != 0 ] || { [ "$(stat -c %U "$kiosk_state/staff-code")" = nobody ] && [ ! -e "$kiosk_state/stats.db" ]; }; }'

run --db "$db" check
check "check of a fresh store: exit 0, schema 8, integrity ok" '[ $rc -eq 0 ] && grep -q "Version du schéma : 8" "$tmp/out" && grep -q "Intégrité : ok" "$tmp/out"'

sqlite3 "$db" "INSERT INTO sessions (day, start_hour, weekday, duration_min, end_reason, helper_calls, uid, kiosk_id, help_asked, satisfaction, age_bracket) VALUES
 ('2026-03-02', 9, 1, 40, 'finished', 1, 'a1', 'k1', 1, 'oui', '70+'),
 ('2026-03-03', 14, 2, 80, 'timeout', 0, 'a2', 'k1', 0, NULL, NULL),
 ('2020-01-06', 10, 1, 20, 'finished', 0, 'a3', 'k1', 0, NULL, NULL);
 INSERT INTO session_activities VALUES (1, 'visio', 35, 'Échanger avec ses proches', '2026-03-02');
 INSERT INTO session_counters VALUES (1, '2026-03-02', 'call', 'started', 2), (1, '2026-03-02', 'photos', 'taken', 4), (2, '2026-03-03', 'photos', 'printed', 1234);
 INSERT INTO activity_titles VALUES ('visio', 'Appel vidéo');"

run --db "$db" summary --from 2026-03-01 --to 2026-03-31
check "summary counts the period's visits" '[ $rc -eq 0 ] && grep -q "^Visites : 2 " "$tmp/out" && grep -q "Heures d.utilisation : 2 h 00" "$tmp/out"'
check "summary names every counter, declared or not" '[ $rc -eq 0 ] && grep -q "^Appels vidéo lancés : 2 (1 visite)" "$tmp/out" && grep -q "^Appels vidéo aboutis : 0 (0 visites)" "$tmp/out" && grep -q "^photos/taken : 4 (1 visite)" "$tmp/out"'
check "summary names activities by title, visits in the singular for one" '[ $rc -eq 0 ] && grep -q "^  Activité « Appel vidéo » : 1 visite, 35 min" "$tmp/out" && grep -q "^Aide demandée : 1 visite (1 appel à un aidant, aide reçue dans 0 visites)" "$tmp/out"'
check "summary in French figures: median in whole minutes, thousands with a no-break space, the period in words" '[ $rc -eq 0 ] && grep -q "^Durée médiane d.une visite : 60 min$" "$tmp/out" && grep -q "^photos/printed : 1${nbsp}234 (1 visite)$" "$tmp/out" && grep -q "^Période : du 1er mars 2026 au 31 mars 2026$" "$tmp/out"'
run --db "$db" summary
check "summary without a period: since the beginning, no made-up bounds" '[ $rc -eq 0 ] && grep -q "^Période : depuis le début$" "$tmp/out" && ! grep -q "2000-01-01\|9999" "$tmp/out" && grep -q "^Visites : 3 " "$tmp/out"'
run --db "$db" summary --from 2026-31-03
check "summary with a bad date: exit 2, shows the format" '[ $rc -eq 2 ] && grep -q "AAAA-MM-JJ" "$tmp/err"'
run --db "$db" summary --from 2026-04-01 --to 2026-03-01
check "summary with from after to: exit 2" '[ $rc -eq 2 ] && grep -q "après" "$tmp/err"'

run --db "$db" export
check "export without --format: exit 2" '[ $rc -eq 2 ] && grep -q -- "--format" "$tmp/err"'
run --db "$db" export --format xml
check "export --format xml: exit 2, names it" '[ $rc -eq 2 ] && grep -q "xml" "$tmp/err"'
run --db "$db" export --format json --sessions
check "export json --sessions: exit 2" '[ $rc -eq 2 ]'

run --db "$db" export --format csv --from 2026-03-01 --to 2026-03-31 -o "$tmp/summary.csv"
check "export csv: BOM, ';' and French headers" '[ $rc -eq 0 ] && head -c 3 "$tmp/summary.csv" | od -An -tx1 | grep -q "ef bb bf" && grep -q "Synthèse;Visites;2" "$tmp/summary.csv"'
run --db "$db" export --format xlsx
check "export xlsx without -o: exit 2, asks for the file" '[ $rc -eq 2 ] && grep -q -- "-o" "$tmp/err"'
run --db "$db" export --format xlsx --from 2026-03-01 --to 2026-03-31 -o "$tmp/la-coop.xlsx"
check "export xlsx: a workbook with La Coop's sheets, nothing left beside it" '[ $rc -eq 0 ] && python3 "$ESCALE_SOURCE_DIR/tests/read-xlsx.py" "$tmp/la-coop.xlsx" | grep -q "^== Ateliers collectifs" && ! ls "$tmp"/*.partial 2>/dev/null'
run --db "$db" export --format csv --sessions -o "$tmp/visits.csv"
check "export --sessions: one line per visit held, no more" '[ $rc -eq 0 ] && [ "$(wc -l < "$tmp/visits.csv")" -eq 4 ]'
run --db "$db" export --format json --from 2026-03-01 --to 2026-03-31
check "export json is valid JSON with the figures" '[ $rc -eq 0 ] && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"sessions\"]==2 and d[\"help_asked\"]==1" "$tmp/out"'
run --db "$db" export --format csv -o "$tmp/no/such/dir/x.csv"
check "export to an impossible place: exit 1, names it" '[ $rc -eq 1 ] && grep -q "no/such/dir" "$tmp/err"'
cp "$db" "$tmp/stats.before"
run --db "$db" export --format csv --force -o "$db"
check "export over the store itself, even with --force: exit 1, the store untouched" '[ $rc -eq 1 ] && grep -q "statistiques lui-même" "$tmp/err" && cmp -s "$db" "$tmp/stats.before"'
ln "$db" "$tmp/another-name.db"
run --db "$db" export --format json --force -o "$tmp/another-name.db"
check "export over a hard link to the store: exit 1, the store untouched" '[ $rc -eq 1 ] && cmp -s "$db" "$tmp/stats.before"'
rm -f "$tmp/another-name.db"
# A FIFO stands for devices: a regression must not replace a real one.
mkfifo "$tmp/fifo"
run --db "$db" export --format csv --force -o "$tmp/fifo"
check "export to a FIFO or a device, even with --force: exit 1, not an ordinary file" '[ $rc -eq 1 ] && grep -q "pas un fichier ordinaire" "$tmp/err" && [ -p "$tmp/fifo" ]'
echo "last month's figures" > "$tmp/kept.csv"
run --db "$db" export --format csv -o "$tmp/kept.csv"
check "export over an existing file: exit 1, asks for --force, the file kept" '[ $rc -eq 1 ] && grep -q -- "--force" "$tmp/err" && grep -q "last month" "$tmp/kept.csv"'
run --db "$db" export --format csv --force -o "$tmp/kept.csv"
check "... replaced with --force" '[ $rc -eq 0 ] && grep -q "Synthèse" "$tmp/kept.csv"'

# report: the one-page PDF, with export -o's safety rules.
run --db "$db" report --from 2026-03-01 --to 2026-03-31
check "report without -o: exit 2, asks for the file" '[ $rc -eq 2 ] && grep -q -- "-o FICHIER.pdf" "$tmp/err"'
run --db "$db" report --force -o "$db"
check "report over the store, even with --force: exit 1, the store untouched" '[ $rc -eq 1 ] && grep -q "statistiques lui-même" "$tmp/err" && cmp -s "$db" "$tmp/stats.before"'
run --db "$db" report --force -o "$tmp/fifo"
check "report to a FIFO or a device, even with --force: exit 1" '[ $rc -eq 1 ] && grep -q "pas un fichier ordinaire" "$tmp/err" && [ -p "$tmp/fifo" ]'
run --db "$db" report -o "$tmp/kept.csv"
check "report over an existing file: exit 1, asks for --force, the file kept" '[ $rc -eq 1 ] && grep -q -- "--force" "$tmp/err" && grep -q "Synthèse" "$tmp/kept.csv"'
mkdir -p "$tmp/conf" && printf '[Centre]\nname=Maison des services de Brantôme\n' > "$tmp/conf/escale.ini"
run --db "$db" report --from 2026-03-01 --to 2026-03-31 --config "$tmp/conf" -o "$tmp/rapport.pdf"
check "report: one A4 page named after the config's centre, with the period's visits" '[ $rc -eq 0 ] && pdfinfo "$tmp/rapport.pdf" | grep -q "^Pages: *1$" && pdfinfo "$tmp/rapport.pdf" | grep -q "(A4)" && pdftotext "$tmp/rapport.pdf" - | grep -q "Maison des services de Brantôme" && pdftotext -raw "$tmp/rapport.pdf" - | tr "\n" " " | grep -q "2 Visites"'
run --db "$db" report --centre "Tiers-lieu de Mareuil" -o "$tmp/tout.pdf"
check "report without a period: since the beginning, no 2000-01-01 nor 9999-12-31" '[ $rc -eq 0 ] && pdftotext "$tmp/tout.pdf" - | grep -q "depuis le début" && ! pdftotext "$tmp/tout.pdf" - | grep -q "2000\|9999"'
run --db "$db" report --from 2026-03-01 --to 2026-03-31 --centre "Tiers-lieu de Mareuil" --force -o "$tmp/rapport.pdf"
check "report --centre names the centre, --force replaces" '[ $rc -eq 0 ] && pdftotext "$tmp/rapport.pdf" - | grep -q "Tiers-lieu de Mareuil" && pdftotext "$tmp/rapport.pdf" - | grep -q "du 1er mars 2026 au 31 mars 2026"'

run --db "$db" summary --from 2026-13-01
check "a bad --from is named, the default --to is not accused" '[ $rc -eq 2 ] && grep -q -- "--from « 2026-13-01 »" "$tmp/err" && ! grep -q "9999" "$tmp/err"'
cp "$db" "$tmp/future.db"
sqlite3 "$tmp/future.db" "PRAGMA user_version = 9"
run --db "$tmp/future.db" check
check "check of a store from a newer Escale: exit 1, says so, not 'ok'" '[ $rc -eq 1 ] && grep -q "plus récente" "$tmp/err"'
cp "$db" "$tmp/no-table.db"
sqlite3 "$tmp/no-table.db" "DROP TABLE session_counters"
run --db "$tmp/no-table.db" check
check "check of a store missing a table: exit 1, names it" '[ $rc -eq 1 ] && grep -q "Table manquante : session_counters" "$tmp/out"'
printf 'not a database\n' > "$tmp/bad-other.db"
run --db "$db" merge "$tmp/bad-other.db"
check "merge of a bad file names that file, not the healthy store" '[ $rc -eq 1 ] && grep -q "bad-other.db" "$tmp/err" && ! grep -q "$db" "$tmp/err"'
printf 'this is not a database at all, just some text\n' > "$tmp/junk.db"
cp "$tmp/junk.db" "$tmp/junk.orig"
run --db "$tmp/junk.db" summary
check "summary of a non-database: exit 1" '[ $rc -eq 1 ] && [ -s "$tmp/err" ]'
check "... the file is untouched" 'cmp -s "$tmp/junk.db" "$tmp/junk.orig"'
run --db "$tmp/junk.db" check
check "check of a non-database: exit 1, untouched" '[ $rc -eq 1 ] && cmp -s "$tmp/junk.db" "$tmp/junk.orig"'
sqlite3 "$tmp/other-app.db" "CREATE TABLE t (x); PRAGMA application_id = 42;"
run --db "$tmp/other-app.db" check
check "check of another program's SQLite file: exit 1" '[ $rc -eq 1 ] && grep -q "pas des statistiques Escale" "$tmp/err"'

sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$db" "$tmp/before.db"
run --db "$db" merge "$tmp/missing.db"
check "merge of a missing file: exit 1, target untouched" '[ $rc -eq 1 ] && grep -q "missing.db" "$tmp/err" && cmp -s "$db" "$tmp/before.db"'
run --db "$db" merge "$tmp/junk.db"
check "merge of a non-database: exit 1, both untouched" '[ $rc -eq 1 ] && cmp -s "$tmp/junk.db" "$tmp/junk.orig" && [ "$(sqlite3 "$db" "SELECT count(*) FROM sessions")" = 3 ]'
run --db "$db" merge
check "merge without a file: exit 2" '[ $rc -eq 2 ]'

other="$tmp/other.db"
echo 135792 | "$tool" --db "$other" set-pin >/dev/null 2>&1 # its former name
sqlite3 "$other" "INSERT INTO sessions (day, start_hour, weekday, duration_min, end_reason, helper_calls, uid, kiosk_id, help_asked) VALUES ('2026-03-04', 9, 3, 10, 'finished', 0, 'b1', 'k2', 0), ('2026-03-05', 9, 4, 10, 'finished', 0, 'a1', 'k1', 1);"
run --db "$tmp/all.db" merge "$db" "$other"
run --db "$tmp/all.db" merge "$db" "$other"
check "merging twice counts each visit once" '[ $rc -eq 0 ] && [ "$(sqlite3 "$tmp/all.db" "SELECT count(*) FROM sessions")" = 4 ]'
check "merging never copies a staff code" '[ -z "$(sqlite3 "$tmp/all.db" "SELECT pin_hash FROM staff_access")" ]'

run --db "$db" purge
check "purge without --older-than: exit 2" '[ $rc -eq 2 ] && grep -q -- "--older-than" "$tmp/err"'
run --db "$db" purge --older-than abc
check "purge --older-than abc: exit 2" '[ $rc -eq 2 ]'
run --db "$db" purge --older-than 24
check "purge folds old visits into monthly totals" '[ $rc -eq 0 ] && [ "$(sqlite3 "$db" "SELECT count(*) FROM sessions WHERE day < '"'"'2021-01-01'"'"'")" = 0 ] && [ "$(sqlite3 "$db" "SELECT sessions FROM monthly_totals WHERE month = '"'"'2020-01'"'"'")" = 1 ]'

exit $failed
