#!/usr/bin/env bash
# Translations of the GUI: extract, translate, compile.
#
# Every text a user sees in modmanager/gui goes through self.tr("English text") or
# QCoreApplication.translate("Context", "English text"); the English text is the source.
# Use placeholders with .format() (self.tr("Update {name}").format(name=...)), never f-strings
# or string concatenation inside tr(): lupdate only sees the literal.
#
# Workflow after adding or changing texts:
#   1. scripts/translations.sh update    # pyside6-lupdate: all of modmanager/gui ->
#                                        #   resources/translations/modmanager_{de,en}.ts
#   2. Translate every new entry of resources/translations/modmanager_de.ts (pyside6-linguist,
#      or edit the XML: fill <translation> and remove type="unfinished"). German for partner
#      technicians: Telefonanlage, Modul, Aktualisieren, Sicherung, Wiederherstellen, Lizenz.
#      modmanager_en.ts needs no translations (English is the source) but is kept in sync.
#   3. scripts/translations.sh release   # pyside6-lrelease: .ts -> .qm (committed, shipped)
#   4. Commit the .ts and .qm files. tests/gui/test_i18n.py fails while a text is missing,
#      untranslated or not compiled.
#
# Usage: scripts/translations.sh update|release|all
set -euo pipefail
cd "$(dirname "$0")/.."

bin=.venv/bin
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
out=resources/translations
languages=(de en)

update() {
    mapfile -t sources < <(find modmanager/gui -name '*.py' | sort)
    for lang in "${languages[@]}"; do
        # -no-obsolete drops texts that left the code; -locations relative keeps diffs small.
        "$bin/pyside6-lupdate" -no-obsolete -locations relative -target-language "$lang" \
            "${sources[@]}" -ts "$out/modmanager_$lang.ts"
    done
}

release() {
    for lang in "${languages[@]}"; do
        "$bin/pyside6-lrelease" -removeidentical -nounfinished "$out/modmanager_$lang.ts" -qm "$out/modmanager_$lang.qm"
    done
}

case "${1:-}" in
    update) update ;;
    release) release ;;
    all) update; release ;;
    *) echo "usage: $0 update|release|all" >&2; exit 2 ;;
esac
