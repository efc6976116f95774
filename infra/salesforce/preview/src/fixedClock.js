/*
 * Pins "now" to the instant the fixtures were written for (10:00 on 2026-11-23 in the
 * component's time zone, America/Los_Angeles), so an override that runs to 2026-12-31 is
 * active and a score from 2026-11-20 is fresh whenever the preview is built: the same clock
 * the jest tests use. Only new Date() and Date.now() change; everything else is the real Date.
 */
const FIXED_NOW = Date.parse('2026-11-23T18:00:00.000Z');
const RealDate = Date;

class PreviewDate extends RealDate {
    constructor(...args) {
        super(...(args.length === 0 ? [FIXED_NOW] : args));
    }

    static now() {
        return FIXED_NOW;
    }
}

globalThis.Date = PreviewDate;
