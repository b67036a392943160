// check.mjs: opens every HTML file presskit made in headless Debian Chromium and checks
// what a reader's browser would show. Run by scripts/e2e.sh; by hand:
//
//   node e2e/browser/check.mjs DIR [DIR|FILE.html ...]
//
// For each HTML file:
//   - no console errors or page errors;
//   - no request leaves the page: every request is routed, and anything but the file
//     itself, a data: URI or the kit's font sheet beside it (fonts.css) fails the check
//     (and is aborted);
//   - the page's web fonts load (none fails), from the page or from the font sheet;
//   - no horizontal overflow at 1000 px and at 360 px wide;
//   - axe-core finds no serious or critical violations;
//   - the browser's own print (page.pdf, preferCSSPageSize) has as many pages as
//     presskit's PDF beside it (FILE.pdf); the kit's index pages have no PDF twin and
//     skips this, any other HTML file without one fails.
// Prints a table and exits 1 when anything failed, 2 when the check itself could not run.
//
// Environment: CHROMIUM (default /usr/bin/chromium).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const widths = [1000, 360];
const pageTimeout = 30_000;

function htmlFiles(args) {
  const out = [];
  for (const a of args) {
    const st = statSync(a);
    if (st.isDirectory()) {
      for (const name of readdirSync(a).sort()) {
        const p = path.join(a, name);
        if (statSync(p).isDirectory()) out.push(...htmlFiles([p]));
        else if (name.endsWith('.html')) out.push(p);
      }
    } else {
      out.push(a);
    }
  }
  return out;
}

// pdfPages counts pages with pdfinfo when it is installed, else by counting page
// objects ("/Type /Page" not followed by "s") in the bytes, which both fpdf's and
// Chromium's uncompressed object dictionaries allow.
function pdfPages(bytes, file) {
  try {
    const src = file ?? (() => {
      const dir = mkdtempSync(path.join(tmpdir(), 'pk-pdf-'));
      const f = path.join(dir, 'p.pdf');
      writeFileSync(f, bytes);
      return f;
    })();
    const info = execFileSync('pdfinfo', [src], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (!file) rmSync(path.dirname(src), { recursive: true, force: true });
    const m = /^Pages:\s+(\d+)/m.exec(info);
    if (m) return Number(m[1]);
  } catch {
    // no pdfinfo, or it failed: count in the bytes
  }
  const text = Buffer.from(bytes).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

async function checkFile(context, file) {
  const fileURL = pathToFileURL(path.resolve(file)).href;
  // A card gallery (cards-LANG.html) shows the PNG files of its own folder, as the
  // kit index does for its first cards.
  const gallery = /^cards-[a-z]{2,3}\.html$/.test(path.basename(file));
  // The kit index shows the first cards of each language (its card gallery).
  // index.html, and index-LANG.html for the kit's other languages.
  const isIndex = /^index(-[a-z]{2,3})?\.html$/.test(path.basename(file));
  const showsCards = gallery || isIndex;
  const ownFolder = pathToFileURL(path.dirname(path.resolve(file))).href + '/';
  // A kit's pages link one font sheet beside them (fonts.css), its faces as data: URIs.
  const fontSheet = ownFolder + 'fonts.css';
  const local = (u) => u === fileURL || u === fontSheet || u.startsWith('data:') || (showsCards && u.startsWith(ownFolder) && u.endsWith('.png'));
  const r = { file, errors: [], console: 0, requests: 0, overflow: {}, axe: 0, pages: null };
  const page = await context.newPage();
  page.setDefaultTimeout(pageTimeout);
  const outside = [];
  // axe-core reads every stylesheet of the page again with XMLHttpRequest (its CSSOM
  // preload), which Chromium refuses for file:// addresses; the page itself loaded the
  // sheet. Those refusals are the check's own, not the page's.
  let inAxe = false;
  const axeOwn = (m) => inAxe && (m.text().includes(fontSheet) || m.location()?.url === fontSheet);
  page.on('console', (m) => {
    if (m.type() === 'error' && !axeOwn(m)) {
      r.console++;
      r.errors.push(`console error: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => {
    r.console++;
    r.errors.push(`page error: ${e.message}`);
  });
  // Seen by the 'request' event too, for anything routing does not intercept.
  page.on('request', (req) => {
    const u = req.url();
    if (!local(u) && !outside.includes(u)) outside.push(u);
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (local(u)) return route.continue();
    if (!outside.includes(u)) outside.push(u);
    return route.abort('blockedbyclient');
  });
  try {
    await page.goto(fileURL, { waitUntil: 'load' });
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts];
      return {
        sheet: document.querySelector('link[rel="stylesheet"][href="fonts.css"]') !== null,
        faces: faces.length,
        loaded: faces.filter((f) => f.status === 'loaded').length,
        failed: faces.filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight} ${f.style}`),
      };
    });
    for (const f of fonts.failed) r.errors.push(`web font did not load: ${f}`);
    if (fonts.sheet && (fonts.faces === 0 || fonts.loaded === 0)) {
      r.errors.push(`the font sheet fonts.css gave the page ${fonts.faces} face(s), ${fonts.loaded} loaded`);
    }

    for (const w of widths) {
      await page.setViewportSize({ width: w, height: 900 });
      const o = await page.evaluate(() => {
        const de = document.documentElement;
        const res = { scroll: de.scrollWidth, client: de.clientWidth, widest: '' };
        if (res.scroll > res.client) {
          let worst = null;
          // The element whose box or overflowing content reaches furthest right; of
          // equals, the innermost (later in document order).
          for (const el of document.body.querySelectorAll('*')) {
            const rect = el.getBoundingClientRect();
            const right = rect.left + Math.max(rect.width, el.scrollWidth);
            if (right > de.clientWidth + 0.5 && (!worst || right >= worst.right)) {
              const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
              worst = { right, tag: el.tagName.toLowerCase() + cls };
            }
          }
          if (worst) res.widest = `${worst.tag} reaches ${Math.round(worst.right)} px`;
        }
        return res;
      });
      r.overflow[w] = o.scroll <= o.client;
      if (!r.overflow[w]) {
        r.errors.push(`horizontal overflow at ${w} px: scrollWidth ${o.scroll} > clientWidth ${o.client}${o.widest ? ` (${o.widest})` : ''}`);
      }
    }

    await page.setViewportSize({ width: 1000, height: 900 });
    await page.addScriptTag({ path: axePath });
    inAxe = true;
    const violations = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const res = await axe.run(document, { resultTypes: ['violations'] });
      return res.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')), count: v.nodes.length }));
    });
    inAxe = false;
    r.axe = violations.length;
    for (const v of violations) {
      r.errors.push(`axe ${v.impact} ${v.id}: ${v.help} (${v.count} node(s): ${v.nodes.join(', ')})`);
    }

    const twin = file.replace(/\.html$/, '.pdf');
    // A flowing document (press release, spokespeople) runs onto as many pages as it
    // needs, in the browser as in its PDF: the page count is not compared.
    const flowing = await page.evaluate(() => document.body.dataset.pages === 'flow');
    if (flowing || gallery) {
      // nothing to compare
    } else if (existsSync(twin)) {
      const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const browser = pdfPages(printed);
      const ours = pdfPages(readFileSync(twin), twin);
      r.pages = { browser, ours };
      if (browser !== ours) {
        r.errors.push(`printed from the browser: ${browser} page(s); presskit's PDF ${path.basename(twin)}: ${ours} page(s)`);
      }
    } else if (!isIndex) {
      r.errors.push(`no PDF twin ${path.basename(twin)} to compare the printed page count with`);
    }
  } catch (e) {
    r.errors.push(`check failed: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  r.requests = outside.length;
  for (const u of outside) r.errors.push(`request left the page: ${u.length > 120 ? u.slice(0, 117) + '...' : u}`);
  return r;
}

function table(results, root) {
  const rows = [['file', 'console', 'requests', 'fit 1000', 'fit 360', 'axe', 'pages (browser/pdf)', 'result']];
  for (const r of results) {
    rows.push([
      path.relative(root, r.file) || r.file,
      String(r.console),
      String(r.requests),
      r.overflow[1000] === undefined ? '?' : r.overflow[1000] ? 'ok' : 'OVERFLOW',
      r.overflow[360] === undefined ? '?' : r.overflow[360] ? 'ok' : 'OVERFLOW',
      String(r.axe),
      r.pages ? `${r.pages.browser}/${r.pages.ours}` : '-',
      r.errors.length ? 'FAIL' : 'ok',
    ]);
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd();
  console.log(line(rows[0]));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: node check.mjs DIR|FILE.html ...');
    process.exit(2);
  }
  const files = htmlFiles(args);
  if (files.length === 0) {
    console.error('check.mjs: no HTML files in ' + args.join(' '));
    process.exit(2);
  }
  const root = args.length === 1 && statSync(args[0]).isDirectory() ? args[0] : process.cwd();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'pk-chromium-'));
  const started = Date.now();
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      bypassCSP: true, // so that axe can be injected even if a page forbids scripts
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
        '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
    const results = [];
    for (const f of files) results.push(await checkFile(context, f));
    table(results, root);
    const failed = results.filter((r) => r.errors.length);
    for (const r of failed) {
      console.log(`\n${path.relative(root, r.file) || r.file}:`);
      for (const e of r.errors) console.log(`  - ${e}`);
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\n${results.length} page(s), ${failed.length} failed, ${secs}s (Chromium ${context.browser()?.version() ?? ''})`);
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    if (context) await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error('check.mjs: ' + (e.stack || e));
  process.exit(2);
});
