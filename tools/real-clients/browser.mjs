// browser.mjs: loads pages of a running lowweb server in Debian's headless Chromium and checks what a person would
// see: every resource arrives with a 2xx status and the Content-Type its extension calls for, every picture decodes,
// the Cyrillic page reads as Cyrillic, and a missing page shows the site's own 404 page.
//
// Run by the conformance tests tagged "clients" (RealClientsTest), or by hand against any server that serves
// shared-site:
//   node tools/real-clients/browser.mjs --base http://127.0.0.1:8080 --out target/real-clients
// Prints one line per finding, writes screenshots and browser.json (the findings and the number of requests the
// browser sent, for the access-log check) into --out, and exits 1 if anything was wrong.
//
// puppeteer-core never downloads a browser: it drives /usr/bin/chromium (override with CHROMIUM=/path).

import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string' },
    out: { type: 'string', default: 'target/real-clients' },
  },
});
if (!options.base) {
  console.error('usage: node browser.mjs --base http://127.0.0.1:PORT [--out DIR]');
  process.exit(2);
}
const base = new URL(options.base);
mkdirSync(options.out, { recursive: true });

/** The Content-Type each extension must be served with: the media type, and for text the charset of the site. */
const EXPECTED_TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
};

/** The pages to load, each with what must be true of it once it has loaded. */
const PAGES = [
  {
    path: '/', status: 200, screenshot: 'index.png',
    // headers.js fills this panel from a HEAD request of its own: proof that the script ran and HEAD works.
    check: async (page) => {
      const panel = await page.$eval('#response-headers', (element) => element.textContent);
      return panel.startsWith('HTTP 200') ? [] : [`the headers panel (filled by /js/headers.js) shows ${firstLine(panel)}`];
    },
  },
  {
    path: '/cyrillic.html', status: 200, screenshot: 'cyrillic.png',
    check: async (page) => {
      const heading = await page.$eval('h1', (element) => element.textContent);
      const charset = await page.evaluate(() => document.characterSet);
      return heading === 'Привет, мир!' && charset === 'UTF-8' ? []
        : [`the heading reads ${JSON.stringify(heading)} in charset ${charset}, expected "Привет, мир!" in UTF-8`];
    },
  },
  {
    path: '/no/such/page.html', status: 404, screenshot: '404.png',
    check: async (page) => {
      const heading = await page.$eval('h1', (element) => element.textContent).catch(() => '(no h1)');
      return heading === 'Page not found' ? []
        : [`the page's heading is ${JSON.stringify(heading)}, not the custom 404 page's "Page not found"`];
    },
  },
];

const problems = [];
let requestsSent = 0;
const userDataDir = mkdtempSync(join(tmpdir(), 'lowweb-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  console.log(`browser: ${await browser.version()}`);
  for (const spec of PAGES) {
    const found = await visit(browser, spec);
    requestsSent += found.requestsSent;
    for (const problem of found.problems) {
      problems.push(`${spec.path}: ${problem}`);
    }
  }
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

writeFileSync(join(options.out, 'browser.json'), JSON.stringify({ requestsSent, problems }, null, 2) + '\n');
console.log(`browser: ${requestsSent} requests sent to the server`);
for (const problem of problems) {
  console.log(`MISS ${problem}`);
}
process.exit(problems.length === 0 ? 0 : 1);

/**
 * Loads one page in a fresh browser context with the cache off, so that every resource is fetched from the server
 * and counted, whatever pages came before it.
 */
async function visit(browser, spec) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setCacheEnabled(false);
  const problems = [];
  const exchanges = [];
  page.on('requestfinished', (request) => exchanges.push({ request, response: request.response(), failed: false }));
  page.on('requestfailed', (request) => exchanges.push({ request, response: request.response(), failed: true }));
  page.on('pageerror', (error) => problems.push(`script error: ${firstLine(error.message)}`));
  try {
    const url = new URL(spec.path, base).href;
    const response = await page.goto(url, { waitUntil: 'networkidle0', timeout: 30_000 });
    if (response.status() !== spec.status) {
      problems.push(`status ${response.status()}, expected ${spec.status}`);
    }
    await waitForImages(page);
    await page.screenshot({ path: join(options.out, spec.screenshot), fullPage: true });
    problems.push(...await spec.check(page));
    problems.push(...await brokenImages(page));
    problems.push(...await missingResources(page, exchanges));
    for (const exchange of exchanges) {
      problems.push(...judge(exchange, spec));
    }
    const sent = exchanges.filter(({ response }) => response === null || !response.fromCache()).length;
    console.log(`browser: ${spec.path} → ${response.status()}, ${exchanges.length} resources, `
      + `${exchanges.filter(({ response }) => response?.fromCache()).length} from cache`);
    for (const { request, response, failed } of exchanges) {
      console.log(`  ${request.method()} ${new URL(request.url()).pathname} → `
        + (response ? `${response.status()} ${response.headers()['content-type'] ?? '(no Content-Type)'}` : '(no response)')
        + (failed ? ` then ${request.failure()?.errorText}` : ''));
    }
    return { problems, requestsSent: sent };
  } catch (error) {
    problems.push(`could not load: ${firstLine(error.message)}`);
    return { problems, requestsSent: exchanges.length };
  } finally {
    await context.close();
  }
}

/** What is wrong with one request the page made: failed, not 2xx, or the wrong Content-Type for its extension. */
function judge({ request, response, failed }, spec) {
  const url = new URL(request.url());
  const where = `${request.method()} ${url.pathname}`;
  if (url.origin !== base.origin) {
    return [`${where}: went to ${url.origin}; only ${base.origin} should be asked`];
  }
  const failure = failed ? request.failure()?.errorText ?? 'no reason given' : null;
  if (response === null) {
    return [`${where}: failed with no response (${failure})`];
  }
  // Chromium ends every fetch() with HEAD this way once the headers are in, whatever the server: there is no body
  // to read. Any other failure after the headers, such as a body shorter than its Content-Length, is a miss.
  if (failure !== null && !(request.method() === 'HEAD' && failure === 'net::ERR_ABORTED')) {
    return [`${where}: status ${response.status()}, then failed (${failure})`];
  }
  const status = response.status();
  const isErrorPage = spec.status !== 200 && request.isNavigationRequest() && url.pathname === spec.path;
  if (!isErrorPage && (status < 200 || status > 299)) {
    return [`${where}: status ${status}`];
  }
  // A folder's URL and the 404 page are HTML whatever the path says.
  const extension = url.pathname.endsWith('/') || isErrorPage ? 'html' : extensionOf(url.pathname);
  const expected = EXPECTED_TYPES[extension];
  const actual = response.headers()['content-type'];
  if (expected === undefined) {
    return [`${where}: no Content-Type is known for ".${extension}"; add it to EXPECTED_TYPES`];
  }
  if (normalised(actual) !== normalised(expected)) {
    return [`${where}: Content-Type ${JSON.stringify(actual ?? null)}, expected ${JSON.stringify(expected)}`];
  }
  return [];
}

/** Every <img>, <script src> and stylesheet of the page must have been asked for: the page uses them all. */
async function missingResources(page, exchanges) {
  const wanted = await page.evaluate(() => [
    ...[...document.images].map((image) => image.currentSrc || image.src),
    ...[...document.scripts].filter((script) => script.src).map((script) => script.src),
    ...[...document.querySelectorAll('link[rel=stylesheet]')].map((link) => link.href),
  ]);
  const asked = new Set(exchanges.map(({ request }) => request.url()));
  return [...new Set(wanted)].filter((url) => !asked.has(url))
    .map((url) => `${new URL(url).pathname} is used by the page but was never fetched`);
}

async function waitForImages(page) {
  await page.evaluate(async () => {
    await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
  });
}

async function brokenImages(page) {
  const images = await page.evaluate(() => [...document.images]
    .map((image) => ({ src: image.currentSrc || image.src, complete: image.complete, width: image.naturalWidth })));
  return images.filter((image) => !image.complete || image.width === 0)
    .map((image) => `<img src="${new URL(image.src).pathname}"> did not decode (naturalWidth ${image.width})`);
}

function extensionOf(pathname) {
  const name = pathname.slice(pathname.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Media types compare without case and without spaces around parameters (RFC 9110 §8.3.1). */
function normalised(contentType) {
  return (contentType ?? '').toLowerCase().split(';').map((part) => part.trim()).join(';');
}

function firstLine(text) {
  return String(text).split('\n')[0];
}
