import {
    buildHealthView,
    describeOverride,
    humaniseLabel,
    parseConversationSignals,
    parseDrivers,
    parseHistory,
    parseSubScores,
    sparklineGeometry,
    todayIn
} from '../healthViewModel';

describe('humaniseLabel', () => {
    it.each([
        ['evaluating_alternatives', 'Evaluating alternatives'],
        ['champion_leaving', 'Champion leaving'],
        ['at-risk', 'At risk'],
        ['', ''],
        [undefined, '']
    ])('%s → %s', (input, expected) => {
        expect(humaniseLabel(input)).toBe(expected);
    });
});

describe('parseDrivers', () => {
    it('keeps at most five drivers in the given order', () => {
        const raw = JSON.stringify(
            Array.from({ length: 7 }, (_, i) => ({ text: `Driver ${i + 1}`, effect: 'negative', dimension: 'usage' }))
        );
        const { status, items } = parseDrivers(raw);
        expect(status).toBe('ok');
        expect(items.map((d) => d.text)).toEqual(['Driver 1', 'Driver 2', 'Driver 3', 'Driver 4', 'Driver 5']);
        expect(items[0].dimensionLabel).toBe('Product usage');
    });

    it('treats an unknown effect as neutral and skips entries without text', () => {
        const { items } = parseDrivers('[{"text":"A","effect":"sideways"},{"effect":"negative"},{"text":"  "}]');
        expect(items).toHaveLength(1);
        expect(items[0]).toMatchObject({ text: 'A', effect: 'neutral', effectLabel: 'Neutral' });
    });

    it.each([['{"text":"not an array"}'], ['[{"text":'], ['null'], ['[1,2,3]']])('is unavailable for %s', (raw) => {
        expect(parseDrivers(raw).status).toBe('unavailable');
    });

    it.each([[null], [''], ['[]']])('is empty for %p', (raw) => {
        expect(parseDrivers(raw).status).toBe('empty');
    });
});

describe('parseSubScores', () => {
    it('keeps a null score as "no data" and lists the missing dimensions', () => {
        const raw = '[{"id":"usage","label":"Product usage","score":null,"weight":35},{"id":"support","score":140,"weight":20}]';
        const { status, items, missing } = parseSubScores(raw);
        expect(status).toBe('ok');
        expect(items[0]).toMatchObject({ hasData: false, scoreText: 'No data', barStyle: 'width: 0%' });
        expect(items[1]).toMatchObject({ label: 'Support', score: 100, barStyle: 'width: 100%' });
        expect(missing).toEqual(['Product usage']);
    });

    it('is unavailable for an object instead of an array', () => {
        expect(parseSubScores('{"id":"usage"}').status).toBe('unavailable');
    });
});

describe('parseHistory', () => {
    it('reads the compact format oldest first', () => {
        expect(parseHistory('2026-08-31:70;2026-09-07:72;2026-09-14:65').points).toEqual([
            { date: '2026-08-31', score: 70 },
            { date: '2026-09-07', score: 72 },
            { date: '2026-09-14', score: 65 }
        ]);
    });

    it('drops unreadable segments and tolerates a trailing separator', () => {
        const { status, points } = parseHistory('2026-08-31:70;2026-02-30:50;oops;2026-09-07:abc;2026-09-14:101;2026-09-21:64;');
        expect(status).toBe('ok');
        expect(points.map((p) => p.score)).toEqual([70, 64]);
    });

    it('keeps only the latest 26 points', () => {
        const raw = Array.from({ length: 30 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}:${i}`).join(';');
        const { points } = parseHistory(raw);
        expect(points).toHaveLength(26);
        expect(points[0].score).toBe(4);
    });

    it('is unavailable when nothing can be read', () => {
        expect(parseHistory('last week was fine').status).toBe('unavailable');
        expect(parseHistory('').status).toBe('empty');
    });
});

describe('sparklineGeometry', () => {
    it('puts a single point in the middle', () => {
        const g = sparklineGeometry([{ date: '2026-11-16', score: 50 }]);
        expect(g.polylinePoints).toBe('120,30');
    });

    it('spans the full width on a fixed 0-100 scale', () => {
        const g = sparklineGeometry([
            { date: 'a', score: 100 },
            { date: 'b', score: 0 }
        ]);
        expect(g.polylinePoints).toBe('4,4 236,56');
        expect(g.viewBox).toBe('0 0 240 60');
        expect(g.midY).toBe(30);
    });
});

describe('parseConversationSignals', () => {
    it('keeps only snake_case labels, so free text can never be shown', () => {
        const raw = JSON.stringify({
            sentiment: 'escalating',
            intents: ['evaluating_alternatives', 'The customer said: we are leaving', 'evaluating_alternatives'],
            riskFlags: ['champion_leaving', 42, '<script>'],
            conversations: 1,
            asOf: '2026-11-20'
        });
        const signals = parseConversationSignals(raw);
        expect(signals.sentimentLabel).toBe('Escalating');
        expect(signals.intents.map((i) => i.label)).toEqual(['Evaluating alternatives']);
        expect(signals.riskFlags.map((i) => i.label)).toEqual(['Champion leaving']);
        expect(signals.basis).toBe('From 1 conversation up to 2026-11-20');
    });

    it('is empty when there is nothing to show and unavailable when the JSON is broken', () => {
        expect(parseConversationSignals('{}').status).toBe('empty');
        expect(parseConversationSignals('{"sentiment":"furious"}').status).toBe('empty');
        expect(parseConversationSignals('[]').status).toBe('unavailable');
        expect(parseConversationSignals('{"sentiment":').status).toBe('unavailable');
    });
});

describe('describeOverride', () => {
    const today = '2026-11-23';

    it('is active through its expiry day and expired the day after', () => {
        expect(describeOverride({ band: 'watching', reason: 'r', expires: '2026-11-23' }, today).status).toBe('active');
        expect(describeOverride({ band: 'watching', reason: 'r', expires: '2026-11-22' }, today).status).toBe('expired');
    });

    it('says who, what, until when and why', () => {
        expect(describeOverride({ band: 'at_risk', reason: ' Exec left ', expires: '2027-01-15' }, today).message).toBe(
            'Overridden to At risk by CSM until 2027-01-15: Exec left'
        );
    });

    it('keeps an override without an expiry active until it is cleared', () => {
        const o = describeOverride({ band: 'healthy', reason: 'legacy', expires: null }, today);
        expect(o.isActive).toBe(true);
        expect(o.message).toBe('Overridden to Healthy by CSM with no expiry date: legacy');
    });

    it('is none without a band', () => {
        expect(describeOverride({ band: null, reason: 'x', expires: '2027-01-01' }, today).status).toBe('none');
    });
});

describe('todayIn', () => {
    it('uses the user time zone, not UTC', () => {
        const now = new Date('2026-11-24T03:00:00Z');
        expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-23');
        expect(todayIn('Europe/Berlin', now)).toBe('2026-11-24');
    });

    it('falls back to UTC for an unknown time zone', () => {
        expect(todayIn('Mars/Olympus_Mons', new Date('2026-11-24T03:00:00Z'))).toBe('2026-11-24');
    });
});

describe('buildHealthView', () => {
    it('uses the override band as the effective band only while it is active', () => {
        const base = { Health_Scored_At__c: '2026-11-20T14:00:00Z', Health_Score__c: 30, Health_Band__c: 'critical' };
        const active = buildHealthView({ ...base, Health_Override_Band__c: 'watching', Health_Override_Expires__c: '2026-12-01' }, '2026-11-23');
        const expired = buildHealthView({ ...base, Health_Override_Band__c: 'watching', Health_Override_Expires__c: '2026-11-01' }, '2026-11-23');
        expect(active.effectiveBandLabel).toBe('Watching');
        expect(expired.effectiveBandLabel).toBe('Critical');
    });

    it('shows an unknown future band by name in a neutral colour', () => {
        const view = buildHealthView({ Health_Scored_At__c: '2026-11-20T14:00:00Z', Health_Score__c: 50, Health_Band__c: 'on_fire' }, '2026-11-23');
        expect(view.bandLabel).toBe('On fire');
        expect(view.bandClass).toBe('band-pill band_unknown');
    });

    it('is never_scored without a scored-at time', () => {
        expect(buildHealthView({ Health_Score__c: 50 }, '2026-11-23').state).toBe('never_scored');
    });
});
