#!/usr/bin/env node
/*
 * Real-browser check of the accountHealth component.
 *
 * Builds the preview (the component's own source, compiled by the LWC compiler, with the real
 * lightning-base-components), serves it on 127.0.0.1 on a random port, renders fixture states in
 * headless Chromium at Lightning sidebar width, checks what a person would see (score, band,
 * drivers, bars, sparkline, contrast, keyboard use of the override form) and writes screenshots
 * to preview/screenshots/. Exits non-zero on any failed check.
 *
 *   node preview/browser-test.mjs              build, check, screenshot
 *   node preview/browser-test.mjs --no-build   reuse preview/build
 *   node preview/browser-test.mjs --serve      build and serve for a person, until Ctrl-C
 *   node preview/browser-test.mjs --update-docs  also copy the sidebar screenshot to docs/images/
 *
 * Chromium: $CHROMIUM_PATH, else /usr/bin/chromium (Debian package `chromium`). Never downloads one.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const buildDir = path.join(here, 'build');
const screenshotDir = path.join(here, 'screenshots');
const docsImage = path.join(here, '..', '..', '..', 'docs', 'images', 'account-health-sidebar.png');
const require = createRequire(import.meta.url);
const sldsAssets = path.join(path.dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets');
const axeScript = require.resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const args = new Set(process.argv.slice(2));
const SIDEBAR_WIDTH = 300;
const MAIN_COLUMN_WIDTH = 760;
const MIN_CONTRAST = 4.5;

function log(message) {
    process.stdout.write(`${message}\n`);
}

async function build() {
    const started = Date.now();
    const { default: config } = await import(pathToFileURL(path.join(here, 'rollup.config.mjs')).href);
    fs.rmSync(buildDir, { recursive: true, force: true });
    const bundle = await rollup({ ...config, onwarn: config.onwarn });
    await bundle.write(config.output);
    await bundle.close();
    fs.copyFileSync(path.join(here, 'src', 'index.html'), path.join(buildDir, 'index.html'));
    fs.mkdirSync(path.join(buildDir, 'assets', 'styles'), { recursive: true });
    fs.copyFileSync(
        path.join(sldsAssets, 'styles', 'salesforce-lightning-design-system.min.css'),
        path.join(buildDir, 'assets', 'styles', 'salesforce-lightning-design-system.min.css')
    );
    fs.cpSync(path.join(sldsAssets, 'icons'), path.join(buildDir, 'assets', 'icons'), { recursive: true });
    fs.cpSync(path.join(sldsAssets, 'images'), path.join(buildDir, 'assets', 'images'), { recursive: true });
    log(`preview built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const CONTENT_TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png'
};

function serve() {
    const server = http.createServer((req, res) => {
        const url = new URL(req.url, 'http://127.0.0.1');
        const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
        const file = path.normalize(path.join(buildDir, relative));
        if (!file.startsWith(buildDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            res.writeHead(404).end('not found');
            return;
        }
        res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] || 'application/octet-stream' });
        fs.createReadStream(file).pipe(res);
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function chromiumPath() {
    const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
    const found = candidates.find((p) => fs.existsSync(p));
    if (!found) {
        throw new Error(`Chromium not found (tried ${candidates.join(', ')}). Install the Debian package "chromium" or set CHROMIUM_PATH.`);
    }
    return found;
}

/* ---------- helpers that run inside the page ---------- */

/** Everything the checks need, read through the component's shadow root. */
function readComponent() {
    const host = document.querySelector('c-account-health');
    const root = host && host.shadowRoot;
    if (!root) {
        return { rendered: false };
    }
    const q = (sel) => root.querySelector(sel);
    const qa = (sel) => [...root.querySelectorAll(sel)];
    const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);
    const byId = (id) => q(`[data-id="${id}"]`);

    function rgba(value) {
        const m = value.match(/rgba?\(([^)]+)\)/);
        if (!m) {
            return null;
        }
        const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return { r, g, b, a };
    }
    function effectiveBackground(node) {
        for (let n = node; n; n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
            const c = rgba(getComputedStyle(n).backgroundColor);
            if (c && c.a > 0) {
                return c;
            }
        }
        return { r: 255, g: 255, b: 255, a: 1 };
    }
    function luminance({ r, g, b }) {
        const lin = (v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    }
    function contrastOf(node) {
        if (!node) {
            return null;
        }
        const fg = rgba(getComputedStyle(node).color);
        const bg = effectiveBackground(node);
        const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
        return {
            ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
            color: getComputedStyle(node).color,
            background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`
        };
    }

    const score = byId('score');
    const band = byId('band');
    const sparkline = byId('sparkline');
    const card = q('lightning-card');
    const summary = q('.health__summary');
    const details = q('.health__details');
    const bars = qa('.sub-scores .sub-score').map((row) => {
        const track = row.querySelector('.sub-score__track');
        const bar = row.querySelector('.sub-score__bar');
        return {
            label: text(row.querySelector('.sub-score__label')),
            value: text(row.querySelector('.sub-score__value')),
            fill: track.getBoundingClientRect().width ? bar.getBoundingClientRect().width / track.getBoundingClientRect().width : 0
        };
    });
    return {
        rendered: true,
        cardTitle: text(card && card.shadowRoot ? card.shadowRoot.querySelector('h2') : null) || text(card),
        score: text(score),
        scoreLabel: score && score.getAttribute('aria-label'),
        scoreClass: score && score.className,
        scoreContrast: contrastOf(score && score.querySelector('.score-badge__value')),
        scoreBackground: score && getComputedStyle(score).backgroundColor,
        band: text(band),
        bandContrast: contrastOf(band),
        overridePillContrast: contrastOf(q('[data-id="override-active"] .band-pill')),
        overrideMessage: text(byId('override-message')),
        drivers: qa('[data-id="driver-text"]').map(text),
        driverIcons: qa('.drivers lightning-icon').map((i) => {
            // lightning-icon → lightning-primitive-icon → <svg>, each behind its own shadow root
            const findSvg = (node) =>
                !!node && (!!node.querySelector('svg') || [...node.querySelectorAll('*')].some((c) => c.shadowRoot && findSvg(c.shadowRoot)));
            return findSvg(i.shadowRoot) && i.getBoundingClientRect().width > 0;
        }),
        bars,
        sparklinePoints: sparkline ? sparkline.querySelector('polyline').getAttribute('points').trim().split(/\s+/).length : 0,
        sparklineLabel: sparkline && sparkline.getAttribute('aria-label'),
        sparklineHeight: sparkline ? sparkline.getBoundingClientRect().height : 0,
        intents: qa('[data-id="signal-intent"]').map(text),
        risks: qa('[data-id="signal-risk"]').map(text),
        sentiment: text(byId('signal-sentiment')),
        insufficient: text(byId('insufficient-signal')),
        neverScored: text(byId('never-scored')),
        loadError: text(byId('load-error')),
        saveError: text(byId('save-error')),
        unavailable: qa('.health__unavailable').map(text),
        formOpen: !!byId('override-form'),
        overflowX: host.scrollWidth > host.clientWidth + 1,
        hostWidth: host.getBoundingClientRect().width,
        sideBySide: !!(summary && details && Math.abs(summary.getBoundingClientRect().top - details.getBoundingClientRect().top) < 2)
    };
}

/** The element that has focus, looking through shadow roots; described for assertions. */
function deepActiveElement() {
    let el = document.activeElement;
    const path = [];
    while (el) {
        path.push(el.tagName.toLowerCase() + (el.dataset && el.dataset.id ? `[data-id=${el.dataset.id}]` : '') + (el.dataset && el.dataset.field ? `[data-field=${el.dataset.field}]` : ''));
        if (el.shadowRoot && el.shadowRoot.activeElement) {
            el = el.shadowRoot.activeElement;
        } else {
            break;
        }
    }
    return path.join(' > ');
}

/** Position of the option the open combobox listbox highlights (-1: none), through shadow roots. */
function highlightedOptionIndex() {
    const options = [];
    const visit = (root) => {
        root.querySelectorAll('[role="option"]').forEach((o) => options.push(o));
        root.querySelectorAll('*').forEach((el) => el.shadowRoot && visit(el.shadowRoot));
    };
    visit(document);
    return options.findIndex((o) => o.classList.contains('slds-has-focus'));
}

/** The override band options in the order the component offers them. */
const BAND_OPTIONS = ['Healthy', 'Watching', 'At risk', 'Critical'];

/** With focus on the band combobox: open it (Enter), arrow to the option, choose it (Enter). */
async function chooseBandByKeyboard(page, label) {
    const target = BAND_OPTIONS.indexOf(label);
    await page.keyboard.press('Enter');
    // the listbox is open once an option is highlighted
    await page.waitForFunction(`(${highlightedOptionIndex})() >= 0`, { timeout: 5000 });
    for (let i = 0; i < 8 && (await page.evaluate(highlightedOptionIndex)) !== target; i += 1) {
        await page.keyboard.press('ArrowDown');
        await new Promise((r) => setTimeout(r, 50));
    }
    await page.keyboard.press('Enter');
}

/* ---------- the checks ---------- */

class Checks {
    constructor() {
        this.passed = 0;
        this.failed = [];
    }

    that(scenario, description, condition, detail) {
        if (condition) {
            this.passed += 1;
        } else {
            this.failed.push(`${scenario}: ${description}${detail === undefined ? '' : ` (got ${JSON.stringify(detail)})`}`);
        }
    }
}

async function openState(page, baseUrl, state, width = SIDEBAR_WIDTH) {
    await page.goto(`${baseUrl}/?state=${state}&width=${width}`, { waitUntil: 'load' });
    await page.waitForFunction(
        () => {
            const root = document.querySelector('c-account-health')?.shadowRoot;
            return !!root && !root.querySelector('lightning-spinner') && !!root.querySelector('.health > *');
        },
        { timeout: 10000 }
    );
    // let base components finish their own async rendering (icons load lazily)
    await page.waitForNetworkIdle({ idleTime: 150, timeout: 5000 }).catch(() => {});
    return page.evaluate(readComponent);
}

/** axe-core in the real page: WCAG 2.1 A/AA on the component, real colours, real base components. */
async function checkAccessibility(checks, page, name, { requireContrastPass = true } = {}) {
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
        await page.addScriptTag({ path: axeScript });
    }
    const result = await page.evaluate(async (tags) => {
        const r = await window.axe.run(document.querySelector('c-account-health'), { runOnly: { type: 'tag', values: tags } });
        return {
            violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`),
            contrastChecked: r.passes.some((v) => v.id === 'color-contrast' && v.nodes.length > 0)
        };
    }, AXE_TAGS);
    checks.that(name, 'axe-core finds no WCAG 2.1 AA violation', result.violations.length === 0, result.violations);
    if (requireContrastPass) {
        // the band colours are this component's own: their contrast must be measured, not skipped
        checks.that(name, 'axe-core measured text contrast', result.contrastChecked);
    }
}

async function screenshot(page, name) {
    const frame = await page.$('[data-preview-frame]');
    const file = path.join(screenshotDir, `${name}.png`);
    await frame.screenshot({ path: file });
    return file;
}

function checkScored(checks, name, view, expected) {
    checks.that(name, 'renders', view.rendered);
    checks.that(name, `shows score ${expected.score}`, view.score === expected.score, view.score);
    checks.that(name, `shows band ${expected.band}`, view.band === expected.band, view.band);
    checks.that(name, 'shows the drivers', expected.drivers.every((d) => view.drivers.includes(d)), view.drivers);
    checks.that(name, 'draws every driver effect icon', view.driverIcons.length > 0 && view.driverIcons.every(Boolean), view.driverIcons);
    checks.that(name, `score text contrast >= ${MIN_CONTRAST}`, view.scoreContrast && view.scoreContrast.ratio >= MIN_CONTRAST, view.scoreContrast);
    checks.that(name, `band text contrast >= ${MIN_CONTRAST}`, view.bandContrast && view.bandContrast.ratio >= MIN_CONTRAST, view.bandContrast);
    checks.that(name, 'does not overflow the sidebar', !view.overflowX, view.hostWidth);
    if (expected.sparklinePoints) {
        checks.that(name, `sparkline has ${expected.sparklinePoints} points`, view.sparklinePoints === expected.sparklinePoints, view.sparklinePoints);
        checks.that(name, 'sparkline is drawn with a summary label', view.sparklineHeight > 20 && /^Score history: /.test(view.sparklineLabel || ''), view.sparklineLabel);
    }
    if (expected.bars) {
        checks.that(name, 'sub-score bars are filled in proportion', view.bars.length === expected.bars.length &&
            view.bars.every((b, i) => Math.abs(b.fill - expected.bars[i] / 100) < 0.02), view.bars);
    }
}

async function run() {
    if (!args.has('--no-build')) {
        await build();
    }
    const server = await serve();
    const baseUrl = `http://127.0.0.1:${server.address().port}`;
    if (args.has('--serve')) {
        log(`preview: ${baseUrl}/?state=healthy&width=${SIDEBAR_WIDTH}  (Ctrl-C to stop)`);
        return;
    }
    fs.rmSync(screenshotDir, { recursive: true, force: true });
    fs.mkdirSync(screenshotDir, { recursive: true });

    const started = Date.now();
    const browser = await puppeteer.launch({
        executablePath: chromiumPath(),
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none']
    });
    const checks = new Checks();
    const pageErrors = [];
    try {
        const page = await browser.newPage();
        page.on('pageerror', (error) => pageErrors.push(`${error.message}`));
        page.on('console', (message) => {
            if (message.type() === 'error') {
                pageErrors.push(message.text());
            }
        });
        page.on('requestfailed', (request) => pageErrors.push(`request failed: ${request.url()}`));
        await page.setViewport({ width: 420, height: 1400, deviceScaleFactor: 2 });

        // 1. healthy
        let view = await openState(page, baseUrl, 'healthy');
        checkScored(checks, 'healthy', view, {
            score: '82',
            band: 'Healthy',
            drivers: ['Active users up 18 % over 4 weeks', 'Renewal in 23 days'],
            sparklinePoints: 12,
            bars: [88, 61, 95, 79, 80]
        });
        checks.that('healthy', 'score badge is green', view.scoreBackground === 'rgb(46, 132, 74)', view.scoreBackground);
        checks.that('healthy', 'shows the sentiment label', view.sentiment === 'Positive', view.sentiment);
        checks.that('healthy', 'one column at sidebar width', !view.sideBySide);
        await screenshot(page, 'healthy');
        await checkAccessibility(checks, page, 'healthy');

        // 2. critical, overridden to watching
        view = await openState(page, baseUrl, 'critical-override');
        checkScored(checks, 'critical-override', view, {
            score: '28',
            band: 'Critical',
            drivers: ['Active users down 38 % over 4 weeks', 'Invoice 45 days overdue'],
            sparklinePoints: 26,
            bars: [22, 18, 40, 35, 15]
        });
        checks.that('critical-override', 'shows the active override',
            view.overrideMessage === 'Overridden to Watching by CSM until 2026-12-31: Renewal signed verbally; new champion named', view.overrideMessage);
        checks.that('critical-override', `override band contrast >= ${MIN_CONTRAST}`, view.overridePillContrast && view.overridePillContrast.ratio >= MIN_CONTRAST, view.overridePillContrast);
        checks.that('critical-override', 'shows humanised signal labels',
            view.intents.includes('Evaluating alternatives') && view.risks.includes('Champion leaving'), [view.intents, view.risks]);
        await screenshot(page, 'critical-override');
        await checkAccessibility(checks, page, 'critical-override');

        // 3. insufficient signal
        view = await openState(page, baseUrl, 'insufficient-signal');
        checks.that('insufficient-signal', 'shows no score', view.score === '—', view.score);
        checks.that('insufficient-signal', 'uses no band colour', view.scoreBackground === 'rgb(255, 255, 255)', view.scoreBackground);
        checks.that('insufficient-signal', 'names the state', view.band === 'Insufficient signal', view.band);
        checks.that('insufficient-signal', 'explains what is missing', /No data for: Product usage, Relationship, Sentiment and NPS\./.test(view.insufficient || ''), view.insufficient);
        checks.that('insufficient-signal', `band text contrast >= ${MIN_CONTRAST}`, view.bandContrast && view.bandContrast.ratio >= MIN_CONTRAST, view.bandContrast);
        checks.that('insufficient-signal', 'does not overflow the sidebar', !view.overflowX);
        await screenshot(page, 'insufficient-signal');
        await checkAccessibility(checks, page, 'insufficient-signal');

        // 4. the other two band colours
        for (const [state, score, band] of [['watching', '64', 'Watching'], ['at-risk', '47', 'At risk']]) {
            view = await openState(page, baseUrl, state);
            checks.that(state, `shows score ${score} and band ${band}`, view.score === score && view.band === band, [view.score, view.band]);
            checks.that(state, `score and band contrast >= ${MIN_CONTRAST}`,
                view.scoreContrast.ratio >= MIN_CONTRAST && view.bandContrast.ratio >= MIN_CONTRAST, [view.scoreContrast, view.bandContrast]);
            await screenshot(page, state);
            await checkAccessibility(checks, page, state);
        }

        // 5. expired override, never scored, load error, malformed JSON
        view = await openState(page, baseUrl, 'override-expired');
        checks.that('override-expired', 'shows the override as expired',
            view.overrideMessage === 'Override to Healthy expired on 2026-11-01; the computed band applies.' && view.band === 'At risk', [view.overrideMessage, view.band]);
        await screenshot(page, 'override-expired');
        await checkAccessibility(checks, page, 'override-expired');
        view = await openState(page, baseUrl, 'never-scored');
        checks.that('never-scored', 'shows the empty state', /Not scored yet/.test(view.neverScored || '') && view.score === null, view.neverScored);
        await screenshot(page, 'never-scored');
        await checkAccessibility(checks, page, 'never-scored');
        view = await openState(page, baseUrl, 'load-error');
        checks.that('load-error', 'shows the error message', /You don't have access to this record/.test(view.loadError || ''), view.loadError);
        await screenshot(page, 'load-error');
        await checkAccessibility(checks, page, 'load-error');
        view = await openState(page, baseUrl, 'malformed-json');
        checks.that('malformed-json', 'keeps the score and marks broken sections unavailable',
            view.score === '58' && view.unavailable.length === 4, [view.score, view.unavailable]);
        await screenshot(page, 'malformed-json');
        await checkAccessibility(checks, page, 'malformed-json');

        // 6. main column: two columns side by side
        view = await openState(page, baseUrl, 'critical-override', MAIN_COLUMN_WIDTH);
        checks.that('main-column', 'summary and details sit side by side', view.sideBySide);
        checks.that('main-column', 'does not overflow', !view.overflowX);
        await screenshot(page, 'main-column');
        await checkAccessibility(checks, page, 'main-column');

        // 7. override by keyboard only, with the real base components
        view = await openState(page, baseUrl, 'critical');
        let focused = '';
        for (let i = 0; i < 40 && !/override-toggle/.test(focused); i += 1) {
            await page.keyboard.press('Tab');
            focused = await page.evaluate(deepActiveElement);
        }
        checks.that('override-keyboard', 'Override band button is reachable with Tab', /override-toggle/.test(focused), focused);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => !!document.querySelector('c-account-health').shadowRoot.querySelector('[data-id="override-form"]'), { timeout: 5000 });
        await new Promise((r) => setTimeout(r, 100));
        focused = await page.evaluate(deepActiveElement);
        checks.that('override-keyboard', 'focus moves into the form (band combobox)', /data-field=band/.test(focused), focused);
        await chooseBandByKeyboard(page, 'Watching');
        await page.keyboard.press('Tab');
        await page.keyboard.type('QBR booked with the new sponsor');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Dec 31, 2026');
        await page.keyboard.press('Tab');
        await screenshot(page, 'override-form');
        await checkAccessibility(checks, page, 'override-form', { requireContrastPass: false });
        const clickSave = () =>
            page.evaluate(() => {
                const root = document.querySelector('c-account-health').shadowRoot;
                root.querySelector('[data-id="override-save"]').shadowRoot.querySelector('button').focus();
            });
        await clickSave();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => window.__accountHealthPreview.updates.length > 0 || !!document.querySelector('c-account-health').shadowRoot.querySelector('[data-id="save-error"]'), { timeout: 5000 });
        const saved = await page.evaluate(() => window.__accountHealthPreview.updates);
        checks.that('override-keyboard', 'Save writes exactly the three override fields', JSON.stringify(saved) === JSON.stringify([{
            fields: {
                Id: '001Hs00003xKq9QIAS',
                Health_Override_Band__c: 'watching',
                Health_Override_Reason__c: 'QBR booked with the new sponsor',
                Health_Override_Expires__c: '2026-12-31'
            }
        }]), saved);
        await page.waitForFunction(() => !!document.querySelector('c-account-health').shadowRoot.querySelector('[data-id="override-active"]'), { timeout: 5000 }).catch(() => {});
        view = await page.evaluate(readComponent);
        checks.that('override-keyboard', 'shows the new override after saving',
            view.overrideMessage === 'Overridden to Watching by CSM until 2026-12-31: QBR booked with the new sponsor' && !view.formOpen, view.overrideMessage);
        const toasts = await page.evaluate(() => window.__accountHealthPreview.toasts);
        checks.that('override-keyboard', 'raises a success toast', toasts.length === 1 && toasts[0].variant === 'success', toasts);
        await screenshot(page, 'override-saved');

        // 8. a failing save keeps the form open with the server's message
        await openState(page, baseUrl, 'save-error');
        await page.evaluate(() => {
            const root = document.querySelector('c-account-health').shadowRoot;
            root.querySelector('[data-id="override-toggle"]').shadowRoot.querySelector('button').click();
        });
        await page.waitForFunction(() => !!document.querySelector('c-account-health').shadowRoot.querySelector('[data-id="override-form"]'));
        await new Promise((r) => setTimeout(r, 100));
        await chooseBandByKeyboard(page, 'Watching');
        await page.keyboard.press('Tab');
        await page.keyboard.type('QBR booked');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Dec 31, 2026');
        await page.keyboard.press('Tab');
        await clickSave();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => !!document.querySelector('c-account-health').shadowRoot.querySelector('[data-id="save-error"]'), { timeout: 5000 }).catch(() => {});
        view = await page.evaluate(readComponent);
        checks.that('save-error', 'shows the server error inline and keeps the form open',
            /An override band needs a reason and an expiry date\./.test(view.saveError || '') && view.formOpen, view.saveError);
        await screenshot(page, 'save-error');
        await checkAccessibility(checks, page, 'save-error', { requireContrastPass: false });

        checks.that('all', 'no page errors, console errors or failed requests', pageErrors.length === 0, pageErrors);
    } finally {
        await browser.close();
        server.close();
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`screenshots: ${path.relative(process.cwd(), screenshotDir) || screenshotDir}/ (${fs.readdirSync(screenshotDir).length} files)`);
    checks.failed.forEach((f) => log(`FAIL ${f}`));
    log(`browser checks in ${seconds} s`);
    log(`${checks.passed} passed, ${checks.failed.length} failed`);
    if (checks.failed.length > 0) {
        process.exitCode = 1;
    } else if (args.has('--update-docs')) {
        fs.mkdirSync(path.dirname(docsImage), { recursive: true });
        fs.copyFileSync(path.join(screenshotDir, 'critical-override.png'), docsImage);
        log(`updated ${path.relative(process.cwd(), docsImage)}`);
    }
}

run().catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exitCode = 1;
});
