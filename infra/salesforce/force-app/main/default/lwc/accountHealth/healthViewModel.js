/*
 * Turns the raw Health_* field values of one Account into what the sidebar shows.
 *
 * Pure functions only: no LWC, no Lightning Data Service. Every JSON or compact-text field is
 * parsed defensively: a malformed value makes its own section "unavailable" and never throws.
 * The field formats are the contract with the scoring run (functions/salesforce write-back).
 */

export const BAND_LABELS = Object.freeze({
    healthy: 'Healthy',
    watching: 'Watching',
    at_risk: 'At risk',
    critical: 'Critical',
    insufficient_signal: 'Insufficient signal'
});

/** Bands a CSM may override to (insufficient_signal is a computed state, not a judgement). */
export const OVERRIDE_BANDS = Object.freeze(['healthy', 'watching', 'at_risk', 'critical']);

const TREND = Object.freeze({
    improving: { label: 'Improving', arrow: '▲', cssClass: 'trend trend_improving' },
    stable: { label: 'Stable', arrow: '▶', cssClass: 'trend trend_stable' },
    declining: { label: 'Declining', arrow: '▼', cssClass: 'trend trend_declining' },
    new: { label: 'New', arrow: '●', cssClass: 'trend trend_new' }
});

const SENTIMENT_LABELS = Object.freeze({
    positive: 'Positive',
    neutral: 'Neutral',
    negative: 'Negative',
    escalating: 'Escalating'
});

/** Fallback labels for the dimensions of config/scoring-model.yaml when an entry has no label. */
const DIMENSION_LABELS = Object.freeze({
    usage: 'Product usage',
    support: 'Support',
    relationship: 'Relationship',
    sentiment: 'Sentiment and NPS',
    commercial: 'Commercial'
});

/** A signal label is a snake_case token; anything else could be free text and is dropped. */
const LABEL_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const MAX_DRIVERS = 5;
export const MAX_HISTORY_POINTS = 26;

export const SPARKLINE = Object.freeze({ width: 240, height: 60, padding: 4 });

/** "evaluating_alternatives" → "Evaluating alternatives". */
export function humaniseLabel(token) {
    if (typeof token !== 'string') {
        return '';
    }
    const words = token.trim().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').toLowerCase();
    return words ? words.charAt(0).toUpperCase() + words.slice(1) : '';
}

export function bandLabel(band) {
    return BAND_LABELS[band] || humaniseLabel(band);
}

function bandCssClass(band) {
    return BAND_LABELS[band] ? `band_${band}` : 'band_unknown';
}

function isFiniteNumber(value) {
    return typeof value === 'number' && Number.isFinite(value);
}

function toNumberOrNull(value) {
    if (value === null || value === undefined || value === '') {
        return null;
    }
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : null;
}

function clampPercent(n) {
    return Math.max(0, Math.min(100, n));
}

function isIsoDate(value) {
    if (typeof value !== 'string' || !ISO_DATE_PATTERN.test(value)) {
        return false;
    }
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function parseJson(raw) {
    try {
        return { ok: true, value: JSON.parse(raw) };
    } catch (e) {
        return { ok: false };
    }
}

function isBlank(raw) {
    return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Health_Drivers__c: [{"text":"…","effect":"negative|positive","dimension":"usage"}], most
 * important first. Entries without text are skipped; at most MAX_DRIVERS are shown.
 */
export function parseDrivers(raw) {
    if (isBlank(raw)) {
        return { status: 'empty', items: [] };
    }
    const parsed = parseJson(raw);
    if (!parsed.ok || !Array.isArray(parsed.value)) {
        return { status: 'unavailable', items: [] };
    }
    const items = parsed.value
        .filter((d) => d && typeof d.text === 'string' && d.text.trim() !== '')
        .slice(0, MAX_DRIVERS)
        .map((d, index) => {
            const effect = d.effect === 'positive' || d.effect === 'negative' ? d.effect : 'neutral';
            const dimension = typeof d.dimension === 'string' ? d.dimension : '';
            return {
                key: `driver-${index}`,
                text: d.text.trim(),
                effect,
                iconName: { positive: 'utility:arrowup', negative: 'utility:arrowdown' }[effect] || 'utility:dash',
                iconVariant: { positive: 'success', negative: 'error' }[effect] || '',
                effectLabel: { positive: 'Positive', negative: 'Negative' }[effect] || 'Neutral',
                dimensionLabel: DIMENSION_LABELS[dimension] || humaniseLabel(dimension),
                cssClass: `driver driver_${effect}`
            };
        });
    if (items.length === 0) {
        return { status: parsed.value.length === 0 ? 'empty' : 'unavailable', items: [] };
    }
    return { status: 'ok', items };
}

/**
 * Health_Sub_Scores__c: [{"id":"usage","label":"Product usage","score":72,"weight":35}].
 * score null means the dimension had no data this run.
 */
export function parseSubScores(raw) {
    if (isBlank(raw)) {
        return { status: 'empty', items: [], missing: [] };
    }
    const parsed = parseJson(raw);
    if (!parsed.ok || !Array.isArray(parsed.value)) {
        return { status: 'unavailable', items: [], missing: [] };
    }
    const items = parsed.value
        .filter((s) => s && (typeof s.id === 'string' || typeof s.label === 'string'))
        .map((s, index) => {
            const label =
                (typeof s.label === 'string' && s.label.trim()) ||
                DIMENSION_LABELS[s.id] ||
                humaniseLabel(s.id);
            const score = isFiniteNumber(s.score) ? Math.round(clampPercent(s.score)) : null;
            const weight = isFiniteNumber(s.weight) ? s.weight : null;
            const hasData = score !== null;
            return {
                key: `${typeof s.id === 'string' ? s.id : 'dimension'}-${index}`,
                label,
                score,
                hasData,
                scoreText: hasData ? String(score) : 'No data',
                weightText: weight === null ? '' : `${weight} % weight`,
                barStyle: `width: ${hasData ? score : 0}%`,
                rowClass: hasData ? 'sub-score' : 'sub-score sub-score_no-data'
            };
        });
    if (items.length === 0) {
        return { status: parsed.value.length === 0 ? 'empty' : 'unavailable', items: [], missing: [] };
    }
    return { status: 'ok', items, missing: items.filter((i) => !i.hasData).map((i) => i.label) };
}

/**
 * Health_History__c: "2026-08-31:70;2026-09-07:72", oldest first. Bad segments are dropped;
 * a non-blank value with no readable point is "unavailable".
 */
export function parseHistory(raw) {
    if (isBlank(raw)) {
        return { status: 'empty', points: [] };
    }
    if (typeof raw !== 'string') {
        return { status: 'unavailable', points: [] };
    }
    const points = raw
        .split(';')
        .map((segment) => segment.trim())
        .filter((segment) => segment !== '')
        .map((segment) => {
            const separator = segment.lastIndexOf(':');
            const date = segment.slice(0, separator);
            const scoreText = segment.slice(separator + 1);
            const score = /^-?\d+(\.\d+)?$/.test(scoreText) ? Number(scoreText) : NaN;
            return separator > 0 && isIsoDate(date) && Number.isFinite(score) && score >= 0 && score <= 100
                ? { date, score }
                : null;
        })
        .filter((p) => p !== null)
        .slice(-MAX_HISTORY_POINTS);
    return points.length === 0 ? { status: 'unavailable', points: [] } : { status: 'ok', points };
}

/** Geometry of the sparkline on a fixed 0-100 scale, so a small wobble looks small. */
export function sparklineGeometry(points) {
    const { width, height, padding } = SPARKLINE;
    const innerWidth = width - 2 * padding;
    const innerHeight = height - 2 * padding;
    const coordinates = points.map((p, i) => ({
        x: points.length === 1 ? width / 2 : padding + (innerWidth * i) / (points.length - 1),
        y: padding + innerHeight * (1 - p.score / 100)
    }));
    const round = (n) => Math.round(n * 10) / 10;
    const last = coordinates[coordinates.length - 1];
    return {
        viewBox: `0 0 ${width} ${height}`,
        polylinePoints: coordinates.map((c) => `${round(c.x)},${round(c.y)}`).join(' '),
        lastX: round(last.x),
        lastY: round(last.y),
        // the 50-point guide line
        midY: round(padding + innerHeight / 2)
    };
}

export function describeHistory(points) {
    if (points.length === 0) {
        return '';
    }
    const first = points[0];
    const last = points[points.length - 1];
    if (points.length === 1) {
        return `Score history: one point, ${last.score} on ${last.date}.`;
    }
    const scores = points.map((p) => p.score);
    return (
        `Score history: ${points.length} points from ${first.date} to ${last.date}, ` +
        `from ${first.score} to ${last.score} (low ${Math.min(...scores)}, high ${Math.max(...scores)}).`
    );
}

/** Visible caption under the sparkline: "12 weekly scores: 68 → 82". */
export function describeHistoryCaption(points) {
    if (points.length === 0) {
        return '';
    }
    if (points.length === 1) {
        return `1 score: ${points[0].score}`;
    }
    return `${points.length} weekly scores: ${points[0].score} → ${points[points.length - 1].score}`;
}

/**
 * Health_Conversation_Signals__c: {"sentiment":"negative","intents":[…],"riskFlags":[…],
 * "conversations":4,"asOf":"2026-11-20"}. Labels only: any value that is not a snake_case
 * token is dropped, so free text can never reach the page even if a writer misbehaves.
 */
export function parseConversationSignals(raw) {
    if (isBlank(raw)) {
        return { status: 'empty' };
    }
    const parsed = parseJson(raw);
    const value = parsed.value;
    if (!parsed.ok || value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { status: 'unavailable' };
    }
    const labels = (list, prefix) =>
        (Array.isArray(list) ? list : [])
            .filter((t) => typeof t === 'string' && LABEL_PATTERN.test(t))
            .filter((t, i, all) => all.indexOf(t) === i)
            .map((t) => ({ key: `${prefix}-${t}`, label: humaniseLabel(t) }));
    const sentiment = SENTIMENT_LABELS[value.sentiment] ? value.sentiment : null;
    const intents = labels(value.intents, 'intent');
    const riskFlags = labels(value.riskFlags, 'risk');
    const conversations = isFiniteNumber(value.conversations) && value.conversations >= 0 ? value.conversations : null;
    const asOf = isIsoDate(value.asOf) ? value.asOf : null;
    if (!sentiment && intents.length === 0 && riskFlags.length === 0) {
        return { status: 'empty' };
    }
    let basis = '';
    if (conversations !== null) {
        basis = `From ${conversations} conversation${conversations === 1 ? '' : 's'}`;
        basis += asOf ? ` up to ${asOf}` : '';
    } else if (asOf) {
        basis = `As of ${asOf}`;
    }
    return {
        status: 'ok',
        sentiment,
        sentimentLabel: sentiment ? SENTIMENT_LABELS[sentiment] : '',
        sentimentClass: sentiment ? `slds-badge signal-sentiment sentiment_${sentiment}` : '',
        intents,
        riskFlags,
        hasIntents: intents.length > 0,
        hasRiskFlags: riskFlags.length > 0,
        basis
    };
}

/** The user's calendar day as "YYYY-MM-DD" in their Salesforce time zone. */
export function todayIn(timeZone, now = new Date()) {
    try {
        const parts = new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit'
        }).formatToParts(now);
        const get = (type) => parts.find((p) => p.type === type).value;
        return `${get('year')}-${get('month')}-${get('day')}`;
    } catch (e) {
        return now.toISOString().slice(0, 10);
    }
}

/**
 * The CSM override. Active while its expiry is today or later; an override without an expiry
 * (written before the validation rule existed) stays active until cleared.
 */
export function describeOverride({ band, reason, expires }, today) {
    if (isBlank(band)) {
        return { status: 'none', isActive: false, isExpired: false };
    }
    const label = bandLabel(band);
    const reasonText = typeof reason === 'string' ? reason.trim() : '';
    const expiry = isIsoDate(expires) ? expires : null;
    const base = { band, bandLabel: label, reason: reasonText, expires: expiry, bandClass: `band-pill ${bandCssClass(band)}` };
    if (expiry && expiry < today) {
        return {
            ...base,
            status: 'expired',
            isActive: false,
            isExpired: true,
            message: `Override to ${label} expired on ${expiry}; the computed band applies.`
        };
    }
    const until = expiry ? `until ${expiry}` : 'with no expiry date';
    return {
        ...base,
        status: 'active',
        isActive: true,
        isExpired: false,
        message: `Overridden to ${label} by CSM ${until}${reasonText ? `: ${reasonText}` : ''}`
    };
}

function describeTrend(trend, change) {
    const known = TREND[trend];
    const points = toNumberOrNull(change);
    let changeText = '';
    let spoken = '';
    if (points !== null && trend !== 'new') {
        const magnitude = Math.abs(Math.round(points));
        changeText = points > 0 ? `+${magnitude} pts` : points < 0 ? `\u2212${magnitude} pts` : '±0 pts';
        spoken = points > 0 ? `up ${magnitude} points` : points < 0 ? `down ${magnitude} points` : 'unchanged';
    }
    if (!known && !changeText) {
        return null;
    }
    const label = known ? known.label : humaniseLabel(trend) || 'Change';
    return {
        label,
        arrow: known ? known.arrow : '',
        changeText,
        cssClass: known ? known.cssClass : 'trend',
        assistiveText: trend === 'new' ? 'New: first score for this account' : `${label}${spoken ? `, ${spoken} since the previous score` : ''}`
    };
}

/**
 * @param {Object} f raw field values keyed by API name (Health_Score__c, …)
 * @param {string} today "YYYY-MM-DD" in the user's time zone
 */
export function buildHealthView(f, today) {
    const override = describeOverride(
        { band: f.Health_Override_Band__c, reason: f.Health_Override_Reason__c, expires: f.Health_Override_Expires__c },
        today
    );
    if (isBlank(f.Health_Scored_At__c)) {
        return { state: 'never_scored', isNeverScored: true, override };
    }
    const band = isBlank(f.Health_Band__c) ? null : f.Health_Band__c;
    const insufficient = band === 'insufficient_signal';
    const score = toNumberOrNull(f.Health_Score__c);
    const confidence = toNumberOrNull(f.Health_Confidence__c);
    const subScores = parseSubScores(f.Health_Sub_Scores__c);
    const history = parseHistory(f.Health_History__c);
    const expansion = toNumberOrNull(f.Health_Expansion_Score__c);
    const effectiveBand = override.isActive ? override.band : band;

    const view = {
        state: insufficient ? 'insufficient_signal' : 'scored',
        isNeverScored: false,
        isInsufficient: insufficient,
        isScored: !insufficient,
        score,
        scoreText: score === null || insufficient ? '—' : String(Math.round(score)),
        scoreClass: `score-badge ${insufficient || !band ? 'band_none' : bandCssClass(band)}`,
        scoreAssistiveText: insufficient
            ? 'No health score: insufficient signal'
            : `Health score ${score === null ? 'unknown' : Math.round(score)} out of 100`,
        band,
        bandLabel: band ? bandLabel(band) : 'Not banded',
        bandClass: `band-pill ${band ? bandCssClass(band) : 'band_unknown'}`,
        bandSince: isIsoDate(f.Health_Band_Since__c) ? f.Health_Band_Since__c : null,
        effectiveBand,
        effectiveBandLabel: effectiveBand ? bandLabel(effectiveBand) : 'Not banded',
        confidence: confidence === null ? null : Math.round(clampPercent(confidence)),
        confidenceText: confidence === null ? '' : `${Math.round(clampPercent(confidence))} %`,
        trend: insufficient ? null : describeTrend(f.Health_Trend__c, f.Health_Score_Change__c),
        history,
        hasHistory: history.status === 'ok',
        historyUnavailable: history.status === 'unavailable',
        sparkline: history.status === 'ok' ? sparklineGeometry(history.points) : null,
        historyLabel: history.status === 'ok' ? describeHistory(history.points) : '',
        historyPointCount: history.points.length,
        historyCaption: describeHistoryCaption(history.points),
        subScores,
        missingDimensions: subScores.missing,
        missingText: subScores.missing.length ? `No data for: ${subScores.missing.join(', ')}.` : '',
        drivers: parseDrivers(f.Health_Drivers__c),
        signals: parseConversationSignals(f.Health_Conversation_Signals__c),
        expansion:
            expansion === null
                ? null
                : {
                      score: Math.round(clampPercent(expansion)),
                      text: `${Math.round(clampPercent(expansion))} / 100`,
                      barStyle: `width: ${Math.round(clampPercent(expansion))}%`
                  },
        scoredAt: f.Health_Scored_At__c,
        modelVersion: isBlank(f.Health_Model_Version__c) ? '' : f.Health_Model_Version__c,
        override
    };
    return view;
}
