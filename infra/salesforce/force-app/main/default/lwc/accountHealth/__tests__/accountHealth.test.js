import { createElement } from 'lwc';
import AccountHealth from 'c/accountHealth';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';

const healthy = require('./data/accountHealthy.json');
const watching = require('./data/accountWatching.json');
const atRisk = require('./data/accountAtRisk.json');
const critical = require('./data/accountCritical.json');
const insufficientSignal = require('./data/accountInsufficientSignal.json');
const overrideActive = require('./data/accountOverrideActive.json');
const overrideExpired = require('./data/accountOverrideExpired.json');
const neverScored = require('./data/accountNeverScored.json');
const malformedJson = require('./data/accountMalformedJson.json');
const loadError = require('./data/loadError.json');
const saveError = require('./data/saveError.json');
const saveSuccess = require('./data/saveSuccess.json');
const objectInfoCsm = require('./data/objectInfoCsm.json');
const objectInfoReadOnly = require('./data/objectInfoReadOnly.json');

const RECORD_ID = '001Hs00003xKq9QIAS';

// 10:00 on 2026-11-23 in America/Los_Angeles, the time zone sfdx-lwc-jest gives @salesforce/i18n/timeZone.
const NOW = new Date('2026-11-23T18:00:00.000Z');

function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => jest.requireActual('timers').setImmediate(resolve));
}

async function render(record, objectInfo = objectInfoCsm) {
    const element = createElement('c-account-health', { is: AccountHealth });
    element.recordId = RECORD_ID;
    document.body.appendChild(element);
    if (objectInfo) {
        getObjectInfo.emit(objectInfo);
    }
    if (record) {
        getRecord.emit(record);
    }
    await flushPromises();
    return element;
}

const $ = (element, dataId) => element.shadowRoot.querySelector(`[data-id="${dataId}"]`);
const $$ = (element, dataId) => [...element.shadowRoot.querySelectorAll(`[data-id="${dataId}"]`)];
const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);

function button(element, dataId) {
    const found = $(element, dataId);
    expect(found).not.toBeNull();
    return found;
}

/** axe-core (through sa11y) needs real timers; the clock only matters while rendering. */
async function expectAccessible(element) {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

async function fillOverride(element, { band, reason, expires }) {
    const field = (name) => element.shadowRoot.querySelector(`[data-field="${name}"]`);
    if (band !== undefined) {
        field('band').dispatchEvent(new CustomEvent('change', { detail: { value: band } }));
    }
    if (reason !== undefined) {
        field('reason').value = reason;
        field('reason').dispatchEvent(new CustomEvent('change', { detail: { value: reason } }));
    }
    if (expires !== undefined) {
        field('expires').value = expires;
        field('expires').dispatchEvent(new CustomEvent('change', { detail: { value: expires } }));
    }
    await flushPromises();
}

describe('c-account-health', () => {
    beforeEach(() => {
        jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
        updateRecord.mockReset();
        updateRecord.mockResolvedValue(saveSuccess);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('asks for the record through getRecord with the core fields required and the rest optional', async () => {
        await render(null);
        const config = getRecord.getLastConfig();
        expect(config.recordId).toBe(RECORD_ID);
        expect(config.fields.map((f) => f.fieldApiName).sort()).toEqual(
            ['Health_Band__c', 'Health_Score__c', 'Health_Scored_At__c'].sort()
        );
        expect(config.optionalFields.map((f) => f.fieldApiName)).toEqual(
            expect.arrayContaining([
                'Health_Drivers__c',
                'Health_Sub_Scores__c',
                'Health_History__c',
                'Health_Conversation_Signals__c',
                'Health_Override_Band__c',
                'Health_Override_Reason__c',
                'Health_Override_Expires__c'
            ])
        );
    });

    it('shows a spinner until the record arrives', async () => {
        const element = await render(null);
        expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
        expect($(element, 'score')).toBeNull();
    });

    describe('healthy account', () => {
        it('shows score, band, trend, confidence and when it was scored', async () => {
            const element = await render(healthy);
            const score = $(element, 'score');
            expect(text(score)).toBe('82');
            expect(score.classList).toContain('band_healthy');
            expect(score.getAttribute('aria-label')).toBe('Health score 82 out of 100');
            expect(text($(element, 'band'))).toBe('Healthy');
            expect($(element, 'band').classList).toContain('band_healthy');
            expect(text($(element, 'band-since'))).toBe('Since 2026-09-14');
            expect(text($(element, 'trend'))).toContain('Improving, +6 pts');
            expect(text($(element, 'trend'))).toContain('Improving, up 6 points since the previous score');
            expect(text($(element, 'confidence'))).toBe('Confidence 92 %');
            expect(text($(element, 'scored-at'))).toBe('Scored Nov 20, 2026, 6:00 AM · model 2026.11-default');
            expect($(element, 'stale')).toBeNull();
            expect($(element, 'insufficient-signal')).toBeNull();
        });

        it('draws one sparkline point per weekly score with a spoken summary', async () => {
            const element = await render(healthy);
            const sparkline = $(element, 'sparkline');
            const points = sparkline.querySelector('polyline').getAttribute('points').split(' ');
            expect(points).toHaveLength(12);
            expect(sparkline.getAttribute('role')).toBe('img');
            expect(sparkline.getAttribute('aria-label')).toBe(
                'Score history: 12 points from 2026-08-31 to 2026-11-16, from 68 to 82 (low 68, high 82).'
            );
            // fixed 0-100 scale: the last point (82) sits 82 % of the way up the inner 52px
            expect(points[11]).toBe('236,13.4');
            expect(text($(element, 'history-caption'))).toBe('12 weekly scores: 68 → 82');
        });

        it('shows sub-scores as bars with their values', async () => {
            const element = await render(healthy);
            const rows = [...element.shadowRoot.querySelectorAll('.sub-score[data-has-data]')];
            expect(rows.map((r) => text(r.querySelector('.sub-score__label')))).toEqual([
                'Product usage · 35 % weight',
                'Support · 20 % weight',
                'Relationship · 20 % weight',
                'Sentiment and NPS · 15 % weight',
                'Commercial · 10 % weight'
            ]);
            expect($$(element, 'sub-score-value').map(text)).toEqual(['88', '61', '95', '79', '80']);
            const bars = [...element.shadowRoot.querySelectorAll('.sub-scores .sub-score__bar')];
            expect(bars.map((b) => b.style.width)).toEqual(['88%', '61%', '95%', '79%', '80%']);
        });

        it('lists the drivers in plain language with effect icons', async () => {
            const element = await render(healthy);
            expect($$(element, 'driver-text').map(text)).toEqual([
                'Active users up 18 % over 4 weeks',
                'Renewal in 23 days',
                '2 open high-priority cases older than 10 days'
            ]);
            const icons = [...element.shadowRoot.querySelectorAll('.drivers lightning-icon')];
            expect(icons.map((i) => i.iconName)).toEqual(['utility:arrowup', 'utility:arrowup', 'utility:arrowdown']);
            expect(icons.map((i) => i.alternativeText)).toEqual(['Positive', 'Positive', 'Negative']);
        });

        it('shows conversation signals and expansion readiness', async () => {
            const element = await render(healthy);
            expect(text($(element, 'signal-sentiment'))).toBe('Positive');
            expect($$(element, 'signal-intent').map(text)).toEqual(['Expansion interest']);
            expect($$(element, 'signal-risk')).toHaveLength(0);
            expect(text($(element, 'signals-basis'))).toBe('From 6 conversations up to 2026-11-20');
            expect(text($(element, 'expansion-value'))).toBe('71 / 100');
        });

        it('is accessible', async () => {
            const element = await render(healthy);
            await expectAccessible(element);
        });
    });

    describe.each([
        ['watching', watching, '64', 'Watching', 'band_watching', 'Stable, ±0 pts'],
        ['at risk', atRisk, '47', 'At risk', 'band_at_risk', 'Declining, −9 pts'],
        ['critical', critical, '28', 'Critical', 'band_critical', 'Declining, −17 pts']
    ])('%s account', (name, record, score, band, bandClass, trend) => {
        it('shows the score in its band colour with the band label and trend', async () => {
            const element = await render(record);
            expect(text($(element, 'score'))).toBe(score);
            expect($(element, 'score').classList).toContain(bandClass);
            expect(text($(element, 'band'))).toBe(band);
            expect($(element, 'band').classList).toContain(bandClass);
            expect(text($(element, 'trend'))).toContain(trend);
        });
    });

    describe('critical account', () => {
        it('shows at most five drivers, most important first', async () => {
            const element = await render(critical);
            const drivers = $$(element, 'driver-text').map(text);
            expect(drivers).toHaveLength(5);
            expect(drivers[0]).toBe('Active users down 38 % over 4 weeks');
            expect(drivers).not.toContain('Sixth driver that must not be shown');
            const effects = [...element.shadowRoot.querySelectorAll('.drivers li')].map((li) => li.dataset.effect);
            expect(effects).toEqual(['negative', 'negative', 'negative', 'negative', 'positive']);
        });

        it('humanises conversation signal labels', async () => {
            const element = await render(critical);
            expect(text($(element, 'signal-sentiment'))).toBe('Negative');
            expect($$(element, 'signal-intent').map(text)).toEqual(['Evaluating alternatives', 'Contract downgrade']);
            expect($$(element, 'signal-risk').map(text)).toEqual(['Champion leaving', 'Competitor mentioned']);
        });

        it('draws all 26 weeks of history', async () => {
            const element = await render(critical);
            const points = $(element, 'sparkline').querySelector('polyline').getAttribute('points').split(' ');
            expect(points).toHaveLength(26);
            expect($(element, 'sparkline').getAttribute('aria-label')).toContain('from 72 to 28 (low 28, high 74)');
        });
    });

    describe('insufficient signal', () => {
        it('shows a distinct state with no score colour and says what is missing', async () => {
            const element = await render(insufficientSignal);
            const score = $(element, 'score');
            expect(text(score)).toBe('—');
            expect(score.classList).toContain('band_none');
            expect(score.className).not.toMatch(/band_(healthy|watching|at_risk|critical)/);
            expect(score.getAttribute('aria-label')).toBe('No health score: insufficient signal');
            expect(text($(element, 'band'))).toBe('Insufficient signal');
            expect(text($(element, 'confidence'))).toBe('Confidence 30 %');
            const panel = $(element, 'insufficient-signal');
            expect(text(panel)).toContain("Only 30 % of the model's weight had data this run");
            expect(text($(element, 'missing-dimensions'))).toBe('No data for: Product usage, Relationship, Sentiment and NPS.');
            expect($(element, 'trend')).toBeNull();
        });

        it('marks dimensions without data as "No data" with an empty bar', async () => {
            const element = await render(insufficientSignal);
            expect($$(element, 'sub-score-value').map(text)).toEqual(['No data', '62', 'No data', 'No data', '70']);
            const bars = [...element.shadowRoot.querySelectorAll('.sub-scores .sub-score__bar')];
            expect(bars.map((b) => b.style.width)).toEqual(['0%', '62%', '0%', '0%', '70%']);
            expect(text($(element, 'history-empty'))).toBe('No history yet.');
            expect(text($(element, 'signals-status'))).toBe('No conversation signals yet.');
        });

        it('is accessible', async () => {
            const element = await render(insufficientSignal);
            await expectAccessible(element);
        });
    });

    describe('override', () => {
        it('shows an active override next to the computed band', async () => {
            const element = await render(overrideActive);
            expect(text($(element, 'band'))).toBe('Critical');
            expect(text($(element, 'override-message'))).toBe(
                'Overridden to Watching by CSM until 2026-12-31: Renewal signed verbally; new champion named'
            );
            expect($(element, 'override-active').querySelector('.band-pill').classList).toContain('band_watching');
            expect(element.shadowRoot.textContent).toContain('Computed band');
            expect(button(element, 'override-toggle').label).toBe('Edit override');
            expect(button(element, 'override-clear').label).toBe('Clear override');
        });

        it('shows an expired override as expired, with the computed band effective', async () => {
            const element = await render(overrideExpired);
            expect($(element, 'override-active')).toBeNull();
            expect(text($(element, 'override-message'))).toBe(
                'Override to Healthy expired on 2026-11-01; the computed band applies.'
            );
            expect(text($(element, 'band'))).toBe('At risk');
            expect(element.shadowRoot.textContent).not.toContain('Computed band');
            expect(button(element, 'override-toggle').label).toBe('Override band');
        });

        it('saves exactly the three override fields through updateRecord and shows a toast', async () => {
            updateRecord.mockResolvedValue(saveSuccess);
            const element = await render(critical);
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', toast);

            button(element, 'override-toggle').click();
            await flushPromises();
            expect($(element, 'override-form')).not.toBeNull();
            await fillOverride(element, {
                band: 'watching',
                reason: '  QBR booked with the new sponsor  ',
                expires: '2026-12-31'
            });
            button(element, 'override-save').click();
            await flushPromises();

            expect(updateRecord).toHaveBeenCalledTimes(1);
            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: RECORD_ID,
                    Health_Override_Band__c: 'watching',
                    Health_Override_Reason__c: 'QBR booked with the new sponsor',
                    Health_Override_Expires__c: '2026-12-31'
                }
            });
            expect(toast).toHaveBeenCalledTimes(1);
            expect(toast.mock.calls[0][0].detail).toEqual({
                title: 'Health override saved',
                message: 'This account shows Watching until 2026-12-31.',
                variant: 'success'
            });
            expect($(element, 'override-form')).toBeNull();
        });

        it('accepts an expiry of today', async () => {
            const element = await render(critical);
            button(element, 'override-toggle').click();
            await flushPromises();
            await fillOverride(element, { band: 'healthy', reason: 'Outage credit agreed', expires: '2026-11-23' });
            button(element, 'override-save').click();
            await flushPromises();
            expect(updateRecord).toHaveBeenCalledTimes(1);
        });

        it('refuses an expiry in the past and a missing reason without calling updateRecord', async () => {
            const element = await render(critical);
            button(element, 'override-toggle').click();
            await flushPromises();
            await fillOverride(element, { band: 'healthy', reason: '   ', expires: '2026-11-22' });
            button(element, 'override-save').click();
            await flushPromises();

            expect(updateRecord).not.toHaveBeenCalled();
            const errors = $(element, 'save-error');
            expect(errors.getAttribute('role')).toBe('alert');
            expect(text(errors)).toContain('Give a reason for the override.');
            expect(text(errors)).toContain('The expiry date must be today or later.');
        });

        it('requires a band', async () => {
            const element = await render(critical);
            button(element, 'override-toggle').click();
            await flushPromises();
            await fillOverride(element, { reason: 'Because', expires: '2026-12-01' });
            button(element, 'override-save').click();
            await flushPromises();
            expect(updateRecord).not.toHaveBeenCalled();
            expect(text($(element, 'save-error'))).toContain('Choose the band this account should show.');
        });

        it('shows the save error inline and keeps the form open', async () => {
            updateRecord.mockRejectedValue(saveError);
            const element = await render(critical);
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            button(element, 'override-toggle').click();
            await flushPromises();
            await fillOverride(element, { band: 'watching', reason: 'QBR booked', expires: '2026-12-31' });
            button(element, 'override-save').click();
            await flushPromises();

            expect(updateRecord).toHaveBeenCalledTimes(1);
            expect(toast).not.toHaveBeenCalled();
            expect($(element, 'override-form')).not.toBeNull();
            const errors = $(element, 'save-error');
            expect(text(errors.querySelector('p'))).toBe('The override was not saved.');
            expect([...errors.querySelectorAll('li')].map(text)).toEqual([
                'An override band needs a reason and an expiry date.'
            ]);
        });

        it('prefills the form from an active override and cancels without writing', async () => {
            const element = await render(overrideActive);
            button(element, 'override-toggle').click();
            await flushPromises();
            const field = (name) => element.shadowRoot.querySelector(`[data-field="${name}"]`);
            expect(field('band').value).toBe('watching');
            expect(field('reason').value).toBe('Renewal signed verbally; new champion named');
            expect(field('expires').value).toBe('2026-12-31');
            expect(field('expires').min).toBe('2026-11-23');
            expect(field('band').options.map((o) => o.label)).toEqual(['Healthy', 'Watching', 'At risk', 'Critical']);
            button(element, 'override-cancel').click();
            await flushPromises();
            expect($(element, 'override-form')).toBeNull();
            expect(updateRecord).not.toHaveBeenCalled();
        });

        it('clears the override by nulling exactly the three override fields', async () => {
            const element = await render(overrideActive);
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            button(element, 'override-clear').click();
            await flushPromises();
            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: RECORD_ID,
                    Health_Override_Band__c: null,
                    Health_Override_Reason__c: null,
                    Health_Override_Expires__c: null
                }
            });
            expect(toast.mock.calls[0][0].detail.title).toBe('Health override cleared');
        });

        it('hides the override controls from users who cannot edit the override fields', async () => {
            const element = await render(overrideActive, objectInfoReadOnly);
            expect($(element, 'override-toggle')).toBeNull();
            expect($(element, 'override-clear')).toBeNull();
            expect(text($(element, 'override-message'))).toContain('Overridden to Watching by CSM');
        });

        it('is accessible with the form open', async () => {
            const element = await render(overrideActive);
            button(element, 'override-toggle').click();
            await flushPromises();
            await expectAccessible(element);
        });
    });

    describe('never scored', () => {
        it('shows an empty state and no score or override controls', async () => {
            const element = await render(neverScored);
            expect(text($(element, 'never-scored'))).toContain('Not scored yet');
            expect($(element, 'score')).toBeNull();
            expect($(element, 'override-toggle')).toBeNull();
        });
    });

    describe('load error', () => {
        it('shows the reduced error messages in an alert', async () => {
            const element = await render(null);
            getRecord.error(loadError.body, loadError.status, loadError.statusText);
            await flushPromises();
            const panel = $(element, 'load-error');
            expect(panel.getAttribute('role')).toBe('alert');
            expect(text(panel)).toContain('Customer health could not be loaded.');
            expect(text(panel)).toContain(
                "You don't have access to this record. Ask your administrator for help or to request access."
            );
            expect($(element, 'score')).toBeNull();
        });

        it('is accessible', async () => {
            const element = await render(null);
            getRecord.error(loadError.body, loadError.status, loadError.statusText);
            await flushPromises();
            await expectAccessible(element);
        });
    });

    describe('malformed JSON fields', () => {
        it('marks each broken section unavailable and still shows the score', async () => {
            const element = await render(malformedJson);
            expect(text($(element, 'score'))).toBe('58');
            expect(text($(element, 'band'))).toBe('Watching');
            expect(text($(element, 'drivers-status'))).toBe('Drivers unavailable.');
            expect(text($(element, 'sub-scores-status'))).toBe('Dimension scores unavailable.');
            expect(text($(element, 'signals-status'))).toBe('Conversation signals unavailable.');
            expect(text($(element, 'history-unavailable'))).toBe('History unavailable.');
            expect($(element, 'sparkline')).toBeNull();
        });
    });

    it('flags a score that is older than two weeks', async () => {
        jest.setSystemTime(new Date('2026-12-20T18:00:00.000Z'));
        const element = await render(healthy);
        expect(text($(element, 'stale'))).toBe(
            'Last scored 30 days ago. The weekly run may not be reaching this account.'
        );
    });
});
