// Records a HAR file with Debian's Chromium driven by playwright-core, as a user's browser
// would export it from the developer tools: visits each URL in turn in one fresh profile,
// answering authentication challenges only for the origin given (a browser's saved
// credentials), and writes the HAR (bodies embedded) when the context closes.
//
//   node record_har.js --har OUT.har --profile EMPTY_DIR [--user USER:PASS --origin ORIGIN]
//                      [--map HOST=ADDRESS]... URL...
//
// NODE_PATH must reach playwright-core (npm install playwright-core). Only loopback
// addresses are contacted: --map sends the test host names to 127.0.0.1.
'use strict';
const { chromium } = require('playwright-core');

const NAVIGATION_TIMEOUT_MS = 10000;

function parseArguments(argv) {
  const options = { urls: [], maps: [] };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--har') options.har = argv[++i];
    else if (a === '--profile') options.profile = argv[++i];
    else if (a === '--user') options.user = argv[++i];
    else if (a === '--origin') options.origin = argv[++i];
    else if (a === '--map') options.maps.push(argv[++i]);
    else options.urls.push(a);
  }
  if (!options.har || !options.profile || options.urls.length === 0) {
    throw new Error('usage: record_har.js --har OUT --profile DIR [--user U:P --origin O] [--map H=A]... URL...');
  }
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const rules = options.maps.map((m) => `MAP ${m.replace('=', ' ')}`).join(',');
  const context = {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync']
        .concat(rules ? [`--host-resolver-rules=${rules}`] : []),
    recordHar: { path: options.har, content: 'embed' },
  };
  if (options.user) {
    const colon = options.user.indexOf(':');
    context.httpCredentials = {
      username: options.user.slice(0, colon),
      password: options.user.slice(colon + 1),
      origin: options.origin,
      send: 'unauthorized',  // as a browser does: only after a 401 asks for them
    };
  }
  const browser = await chromium.launchPersistentContext(options.profile, context);
  try {
    for (const url of options.urls) {
      // A page of its own for each visit: a failed navigation leaves its page on an error
      // page, which would interrupt the next navigation there.
      const page = await browser.newPage();
      // A 401 nobody answers fails the navigation (ERR_INVALID_AUTH_CREDENTIALS), as a
      // cancelled login dialog does; the exchange is in the HAR all the same.
      try {
        const response = await page.goto(url, { timeout: NAVIGATION_TIMEOUT_MS });
        // The HAR embeds a body only once it has arrived: wait for it, or the context may
        // close first and the entry is written without its content.
        if (response) await response.body().catch(() => null);
        console.log(`${url} -> ${response ? response.status() : 'no response'} at ${page.url()}`);
      } catch (e) {
        console.log(`${url} -> ${String(e.message).split('\n')[0]}`);
      }
    }
  } finally {
    await browser.close();  // writes the HAR
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
