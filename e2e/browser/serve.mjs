// serve.mjs: drives `presskit serve` in headless Debian Chromium, as an editor would.
// Run by scripts/e2e.sh; by hand:
//
//   node e2e/browser/serve.mjs PRESSKIT-BINARY WORKSPACE-COPY
//
// The workspace is edited in place (give it a copy): the kit's title is changed and the
// open page must show it; the kit is broken and the page must show the error with its
// file:line:col over the last good build; it is fixed and the page must recover. Exits
// 1 when a step failed, 2 when the test could not run.
//
// Environment: CHROMIUM (default /usr/bin/chromium).

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { chromium } from 'playwright-core';

const [bin, ws] = process.argv.slice(2);
if (!bin || !ws) {
  console.error('usage: node serve.mjs PRESSKIT-BINARY WORKSPACE');
  process.exit(2);
}
const kitFile = path.join(ws, 'kits', 'press-kit.yaml');
const step = 120_000; // a rebuild draws the cards; on a busy machine that takes a while

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const port = await freePort();
const server = spawn(bin, ['serve', '--port', String(port)], {
  cwd: ws,
  env: { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH || '1795772800' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let log = '';
server.stderr.on('data', (d) => { log += d; });
const ready = new Promise((resolve, reject) => {
  server.stderr.on('data', () => { if (log.includes('serving ')) resolve(); });
  server.on('exit', (code) => reject(new Error(`presskit serve exited ${code}:\n${log}`)));
});

let failed = 0;
const ok = (name) => console.log(`serve: ok   ${name}`);
const fail = (name, e) => { failed++; console.log(`serve: FAIL ${name}: ${e.message.split('\n')[0]}`); };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  await ready;
  const page = await browser.newPage();
  page.setDefaultTimeout(step);
  await page.goto(`http://127.0.0.1:${port}/`);
  const original = readFileSync(kitFile, 'utf8');

  try {
    writeFileSync(kitFile, original.replace('en: "Press kit: migrant sex work is not trafficking"', 'en: "Press kit, edited live"'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('edited live'));
    ok('an edit to the kit shows in the open page');
  } catch (e) { fail('edit', e); }

  try {
    writeFileSync(kitFile, original.replace('documents:', 'documents:\n  - type: leaflet'));
    await page.waitForSelector('#presskit-error');
    const text = await page.textContent('#presskit-error');
    if (!/kits\/press-kit\.yaml:\d+:\d+: unknown document "leaflet"/.test(text)) throw new Error(`error text: ${text}`);
    if (!(await page.textContent('h1')).includes('Press kit')) throw new Error('the last good build is gone');
    ok('a broken kit shows its file:line:col over the last good build');
  } catch (e) { fail('break', e); }

  try {
    writeFileSync(kitFile, original);
    await page.waitForFunction(() => !document.querySelector('#presskit-error') && document.querySelector('h1')?.textContent.includes('not trafficking'));
    ok('fixing the kit clears the error');
  } catch (e) { fail('fix', e); }
} catch (e) {
  console.error(`serve: could not run: ${e.message}`);
  failed = -1;
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
if (failed) console.error(log);
process.exit(failed < 0 ? 2 : failed > 0 ? 1 : 0);
