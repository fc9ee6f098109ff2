#!/usr/bin/env bash
# Seeds fuzz/corpus/TARGET from the bundled samples in fixtures/dev, so the
# fuzzers start from real management responses. Seeds are copied at run
# time, never committed; a corpus that already has files is left as it is.
set -euo pipefail
cd "$(dirname "$0")"
dev=../fixtures/dev
seed() { # target, files...
  local target=$1; shift
  mkdir -p "corpus/$target"
  if [ -n "$(ls -A "corpus/$target")" ]; then return; fi
  for f in "$@"; do cp "$f" "corpus/$target/"; done
}
seed markdown "$dev"/*.md
seed text "$dev"/*.txt "$dev"/*.md
seed html "$dev"/*.html "$dev"/country-programme-html-tables.md
seed pipeline "$dev"/*.md
seed docx "$dev"/*.docx
# The docx target packs a non-zip input's NUL-separated pieces as the
# document, numbering, styles, footnotes and endnotes parts: seed it with
# the parts of the sample documents, joined that way.
if command -v unzip >/dev/null 2>&1 && ! compgen -G "corpus/docx/*.parts" >/dev/null; then
  # Word's own styles.xml is 350 KB of mostly theme data: a small one stands
  # in, so that the seeds stay small and the fuzzer fast.
  styles='<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>'
  for f in "$dev"/*.docx; do
    out="corpus/docx/$(basename "${f%.docx}").parts"
    {
      unzip -p "$f" word/document.xml; printf '\0'
      unzip -p "$f" word/numbering.xml 2>/dev/null || true; printf '\0'
      printf '%s' "$styles"; printf '\0'
      unzip -p "$f" word/footnotes.xml 2>/dev/null || true
    } > "$out"
  done
fi
