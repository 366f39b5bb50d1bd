#!/usr/bin/env bash
# Code lines of Java files: no blank, comment, import or package lines. Issue 12 counts the proof package:
#   scripts/count-code-lines.sh src/main/java/org/trustrepair/advisor/proof/*.java
# POSIX classes ([[:space:]]), not \s: Debian's default awk (mawk) ignores \s and would count indented comments.
set -euo pipefail
total=0
for f in "$@"; do
  n=$(awk '/^[[:space:]]*\/\*/ { inside = 1 }
           inside { if ($0 ~ /\*\//) inside = 0; next }
           /^[[:space:]]*$/ || /^[[:space:]]*\/\// || /^[[:space:]]*\*/ || /^import / || /^package / { next }
           { c++ }
           END { print c + 0 }' "$f")
  total=$((total + n))
done
echo "$total"
