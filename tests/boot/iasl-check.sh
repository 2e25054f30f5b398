#!/usr/bin/env bash
# Checks the generated ACPI tables with ACPICA's iasl: every table must
# disassemble without errors, and compiling the disassembly back must give
# the same bytes after the header (so our AML and table layouts are exactly
# what iasl itself would encode).  Skips (77) when iasl is not installed.
#
# Usage: iasl-check.sh TEST_ACPI_TABLES_BINARY
set -euo pipefail
[ $# = 1 ] || { echo "usage: iasl-check.sh TEST_ACPI_TABLES_BINARY" >&2; exit 2; }
if ! command -v iasl >/dev/null; then
  echo "SKIP: iasl is not installed (Debian package acpica-tools)"
  exit 77
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/modemu-iasl.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$1" "$work" > /dev/null
cd "$work"
status=0
for dat in *.dat; do
  t=${dat%.dat}
  if ! iasl -d "$dat" > "$t.disasm.log" 2>&1 || grep -q -i "error" "$t.disasm.log"; then
    echo "FAIL: iasl -d $dat:"; cat "$t.disasm.log"; status=1; continue
  fi
  mkdir "re-$t"
  cp "$t.dsl" "re-$t/$t.dsl"
  if ! (cd "re-$t" && iasl "$t.dsl" > compile.log 2>&1); then
    echo "FAIL: iasl could not compile the disassembly of $dat:"; cat "re-$t/compile.log"; status=1
    continue
  fi
  out=$(ls "re-$t"/*.aml "re-$t"/*.dat 2>/dev/null | grep -v "/$t.dat$" | head -n1 || true)
  [ -n "$out" ] || out="re-$t/$t.aml"
  if ! cmp -s <(tail -c +37 "$dat") <(tail -c +37 "$out"); then
    echo "FAIL: $dat differs from iasl's own encoding of its disassembly:"
    cmp -l <(tail -c +37 "$dat") <(tail -c +37 "$out") | head -n 10 || true
    status=1
    continue
  fi
  echo "ok: $dat ($(stat -c %s "$dat") bytes) disassembles and re-encodes identically"
done
grep -q 'EisaId ("PNP0A03")' dsdt.dsl || { echo "FAIL: no PCI host bridge in the DSDT"; status=1; }
grep -q '_PRT' dsdt.dsl || { echo "FAIL: no _PRT in the DSDT"; status=1; }
grep -q 'Name (_S5' dsdt.dsl || { echo "FAIL: no _S5 in the DSDT"; status=1; }
exit $status
