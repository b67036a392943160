// typst-compile.mjs IN.typ OUT.pdf FONTDIR: compiles one Typst file to PDF with the
// Typst compiler (0.14) of the npm package @myriaddreamin/typst-ts-node-compiler, using
// only the fonts in FONTDIR (no system fonts are searched by this package). One whole
// process per document, as `presskit handout` is timed; scripts/bench.sh installs the
// package into a private folder and sets NODE_PATH to it.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const [input, output, fontDir] = process.argv.slice(2);
if (!input || !output || !fontDir) {
	console.error("usage: node typst-compile.mjs IN.typ OUT.pdf FONTDIR");
	process.exit(2);
}
const require = createRequire(resolve(process.env.NODE_PATH || ".", "x.js"));
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");
const compiler = NodeCompiler.create({
	workspace: dirname(resolve(input)),
	fontArgs: [{ fontPaths: [resolve(fontDir)] }],
});
const pdf = compiler.pdf({ mainFileContent: readFileSync(input, "utf8") });
writeFileSync(output, pdf);
