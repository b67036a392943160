#!/bin/sh
# Regenerates the subset fonts in this directory from the Debian package
# fonts-noto-core (see README.md). Requires pyftsubset (fonttools).
set -eu

SRC=${SRC:-/usr/share/fonts/truetype/noto}
OUT=$(cd "$(dirname "$0")" && pwd)

# Basic Latin, Latin-1 Supplement, Latin Extended-A, Cyrillic,
# General Punctuation, numero sign, euro sign, arrow, minus, geometric shapes
# (U+25A0-25FF; pyftsubset silently skips code points the font lacks).
UNICODES='U+0020-007E,U+00A0-00FF,U+0100-017F,U+0400-04FF,U+2000-206F,U+20AC,U+2116,U+2192,U+2212,U+25A0-25FF'

for face in NotoSans-Regular NotoSans-Bold NotoSans-Italic \
	NotoSerif-Regular NotoSerif-Bold NotoSerif-Italic; do
	pyftsubset "$SRC/$face.ttf" \
		--unicodes="$UNICODES" \
		--layout-features='kern' \
		--no-hinting \
		--desubroutinize \
		--name-IDs='*' \
		--name-languages='*' \
		--notdef-outline \
		--drop-tables+=DSIG \
		--output-file="$OUT/$face.ttf"
done

# OFL.txt: copyright notice from the fonts' name table (ID 0) followed by the
# OFL 1.1 text as shipped in the package's Debian copyright file.
{
	printf '%s\n\n' 'Copyright 2015 Google LLC. All Rights Reserved.'
	printf '%s\n\n' 'This Font Software is licensed under the SIL Open Font License, Version 1.1.'
	awk '/^License: OFL-1.1$/ { p = 1; next } p && /^ / { print; next } { p = 0 }' \
		/usr/share/doc/fonts-noto-core/copyright |
		sed -e 's/^ //' -e 's/^\.$//'
} >"$OUT/OFL.txt"
