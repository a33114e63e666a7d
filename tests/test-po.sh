#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The English catalogue keeps up with the French strings: every msgid the
# sources have today is translated in po/en.po (none untranslated, none fuzzy),
# and escale really speaks English with it. TAP output.
# Needs only gettext (xgettext, msgmerge, msgattrib, msgfmt), from scripts/deps.sh.
escale="$1"
src="$ESCALE_SOURCE_DIR"
build="$ESCALE_BUILD_DIR"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

check () {
  n=$((n + 1))
  if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}

# Prints "# <what>: <msgid>" for each entry of $2 that msgattrib $1 selects.
name_entries () {
  msgattrib "$1" --no-obsolete --no-wrap --no-location "$2" 2>/dev/null \
    | sed -n 's/^msgid "\(..*\)"$/\1/p' \
    | while IFS= read -r id; do echo "# $3: $id"; done
}

echo "1..7"

# 1. Every source file with translatable strings is listed in POTFILES.in.
unlisted=""
while IFS= read -r f; do
  grep -qxF "$f" "$src/po/POTFILES.in" || unlisted+="$f "
done < <(cd "$src" && grep -rlE '\b(N|C|NC)?_ ?\(|g_dngettext|translatable="yes"' \
           src ui --include='*.c' --include='*.ui' | sort)
for f in $unlisted; do echo "# not in po/POTFILES.in: $f"; done
check "po/POTFILES.in lists every file with translatable strings" '[ -z "$unlisted" ]'

# 2. A fresh template, extracted exactly as meson's i18n preset 'glib' does.
xgettext --package-name=escale -p "$tmp" -f "$src/po/POTFILES.in" -D "$src" -k_ -o escale.pot \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format 2>"$tmp/xgettext.err"
rc=$?
sed 's/^/# /' "$tmp/xgettext.err"
# A warning means a msgid xgettext cannot see whole (e.g. a macro such as
# G_GINT64_FORMAT inside the string): it would never be translated.
check "xgettext extracts the strings of every file in POTFILES.in, without warnings" \
  '[ $rc -eq 0 ] && [ ! -s "$tmp/xgettext.err" ] && [ "$(grep -c "^msgid " "$tmp/escale.pot")" -gt 100 ]'

# 3. en.po merged with that template: every msgid translated, none fuzzy.
msgmerge --quiet -o "$tmp/merged.po" "$src/po/en.po" "$tmp/escale.pot" 2>"$tmp/msgmerge.err"
rc=$?
sed 's/^/# /' "$tmp/msgmerge.err"
untranslated="$(name_entries --untranslated "$tmp/merged.po" "untranslated in po/en.po")"
fuzzy="$(name_entries --only-fuzzy "$tmp/merged.po" "fuzzy in po/en.po")"
[ -n "$untranslated" ] && echo "$untranslated"
[ -n "$fuzzy" ] && echo "$fuzzy"
[ -n "$untranslated$fuzzy" ] && echo "# to fix: ninja -C BUILDDIR escale-pot && msgmerge --update po/en.po po/escale.pot, then translate"
check "po/en.po translates every msgid of the sources, none fuzzy" \
  '[ $rc -eq 0 ] && [ -s "$tmp/merged.po" ] && [ -z "$untranslated" ] && [ -z "$fuzzy" ]'

# 4. The catalogue as committed: no fuzzy entry, and msgfmt --check is clean
# (same format specifiers as the French, a valid header and plural forms).
fuzzy="$(name_entries --only-fuzzy "$src/po/en.po" "fuzzy in po/en.po as committed")"
[ -n "$fuzzy" ] && echo "$fuzzy"
msgfmt --check --statistics -o "$tmp/en.mo" "$src/po/en.po" >"$tmp/msgfmt.out" 2>&1
rc=$?
sed 's/^/# /' "$tmp/msgfmt.out"
check "msgfmt --check accepts po/en.po without warnings" \
  '[ $rc -eq 0 ] && [ -z "$fuzzy" ] && ! grep -qiE "warning|untranslated|fuzzy" "$tmp/msgfmt.out"'

# 5-7. escale speaks English with the catalogue meson built.
mo="$build/po/en/LC_MESSAGES/escale.mo"
[ -f "$mo" ] || echo "# $mo is missing: build the tree with ninja first"
mkdir -p "$tmp/cfg/activities"
printf '[Centre]\nname=Test\n[Session]\noops\n' > "$tmp/cfg/escale.ini"
printf '[Activity]\nid=a\ntitle=A\nicon=info\nkind=info\n' > "$tmp/cfg/activities/a.ini"
LANGUAGE=en ESCALE_LOCALEDIR="$build/po" "$escale" --check-config "$tmp/cfg" >"$tmp/out" 2>"$tmp/err"
rc=$?
sed 's/^/# stderr: /' "$tmp/err"
check "in English, a config error reads in English" \
  '[ $rc -eq 1 ] && grep -qF "escale.ini:4: “oops” is not a key=value line; it is ignored" "$tmp/err" && ! grep -q "n.est pas" "$tmp/err"'

LANGUAGE=en ESCALE_LOCALEDIR="$build/po" "$escale" --check-config "$tmp/nowhere" >"$tmp/out" 2>"$tmp/err"
sed 's/^/# stderr: /' "$tmp/err"
check "in English, a missing folder reads in English" \
  'grep -qF "the configuration folder does not exist" "$tmp/err"'

LANGUAGE=en ESCALE_LOCALEDIR="$build/po" "$escale" --help >"$tmp/out" 2>&1
check "in English, --help describes the options in English" \
  'grep -qF "Show the version and quit" "$tmp/out" && grep -qF "Check the configuration folder FOLDER" "$tmp/out"'

exit $failed
