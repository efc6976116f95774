/*
 * The states the preview can show, each from the same JSON fixtures the jest tests use.
 * `expect` is what the browser test requires to see on screen for that state.
 */
import healthy from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountHealthy.json';
import watching from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountWatching.json';
import atRisk from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountAtRisk.json';
import critical from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountCritical.json';
import overrideActive from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountOverrideActive.json';
import overrideExpired from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountOverrideExpired.json';
import insufficientSignal from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountInsufficientSignal.json';
import neverScored from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountNeverScored.json';
import malformedJson from '../../force-app/main/default/lwc/accountHealth/__tests__/data/accountMalformedJson.json';
import loadError from '../../force-app/main/default/lwc/accountHealth/__tests__/data/loadError.json';
import saveError from '../../force-app/main/default/lwc/accountHealth/__tests__/data/saveError.json';
import objectInfoCsm from '../../force-app/main/default/lwc/accountHealth/__tests__/data/objectInfoCsm.json';
import objectInfoReadOnly from '../../force-app/main/default/lwc/accountHealth/__tests__/data/objectInfoReadOnly.json';

export const STATES = {
    healthy: { title: 'Healthy', record: healthy, objectInfo: objectInfoCsm },
    watching: { title: 'Watching', record: watching, objectInfo: objectInfoCsm },
    'at-risk': { title: 'At risk', record: atRisk, objectInfo: objectInfoCsm },
    critical: { title: 'Critical', record: critical, objectInfo: objectInfoCsm },
    'critical-override': { title: 'Critical, overridden to Watching', record: overrideActive, objectInfo: objectInfoCsm },
    'override-expired': { title: 'At risk, override expired', record: overrideExpired, objectInfo: objectInfoCsm },
    'insufficient-signal': { title: 'Insufficient signal', record: insufficientSignal, objectInfo: objectInfoCsm },
    'never-scored': { title: 'Never scored', record: neverScored, objectInfo: objectInfoCsm },
    'malformed-json': { title: 'Malformed JSON fields', record: malformedJson, objectInfo: objectInfoCsm },
    'load-error': { title: 'Load error', recordError: loadError, objectInfo: objectInfoCsm },
    'save-error': { title: 'Save fails', record: critical, objectInfo: objectInfoCsm, updateError: saveError },
    'read-only': { title: 'Read-only user', record: overrideActive, objectInfo: objectInfoReadOnly }
};
