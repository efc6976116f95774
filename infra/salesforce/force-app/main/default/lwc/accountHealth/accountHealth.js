import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import { reduceErrors } from 'c/ldsErrors';
import { BAND_LABELS, OVERRIDE_BANDS, buildHealthView, todayIn } from './healthViewModel';

import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import ID_FIELD from '@salesforce/schema/Account.Id';
import SCORE_FIELD from '@salesforce/schema/Account.Health_Score__c';
import BAND_FIELD from '@salesforce/schema/Account.Health_Band__c';
import BAND_SINCE_FIELD from '@salesforce/schema/Account.Health_Band_Since__c';
import TREND_FIELD from '@salesforce/schema/Account.Health_Trend__c';
import SCORE_CHANGE_FIELD from '@salesforce/schema/Account.Health_Score_Change__c';
import CONFIDENCE_FIELD from '@salesforce/schema/Account.Health_Confidence__c';
import DRIVERS_FIELD from '@salesforce/schema/Account.Health_Drivers__c';
import SUB_SCORES_FIELD from '@salesforce/schema/Account.Health_Sub_Scores__c';
import HISTORY_FIELD from '@salesforce/schema/Account.Health_History__c';
import SIGNALS_FIELD from '@salesforce/schema/Account.Health_Conversation_Signals__c';
import SCORED_AT_FIELD from '@salesforce/schema/Account.Health_Scored_At__c';
import MODEL_VERSION_FIELD from '@salesforce/schema/Account.Health_Model_Version__c';
import EXPANSION_FIELD from '@salesforce/schema/Account.Health_Expansion_Score__c';
import OVERRIDE_BAND_FIELD from '@salesforce/schema/Account.Health_Override_Band__c';
import OVERRIDE_REASON_FIELD from '@salesforce/schema/Account.Health_Override_Reason__c';
import OVERRIDE_EXPIRES_FIELD from '@salesforce/schema/Account.Health_Override_Expires__c';

/** Without these the card cannot say anything useful, so a missing grant shows as an error. */
const REQUIRED_FIELDS = [SCORE_FIELD, BAND_FIELD, SCORED_AT_FIELD];

/** Everything else degrades section by section if an admin hides a field. */
const OPTIONAL_FIELDS = [
    BAND_SINCE_FIELD,
    TREND_FIELD,
    SCORE_CHANGE_FIELD,
    CONFIDENCE_FIELD,
    DRIVERS_FIELD,
    SUB_SCORES_FIELD,
    HISTORY_FIELD,
    SIGNALS_FIELD,
    MODEL_VERSION_FIELD,
    EXPANSION_FIELD,
    OVERRIDE_BAND_FIELD,
    OVERRIDE_REASON_FIELD,
    OVERRIDE_EXPIRES_FIELD
];

const OVERRIDE_FIELDS = [OVERRIDE_BAND_FIELD, OVERRIDE_REASON_FIELD, OVERRIDE_EXPIRES_FIELD];

const REASON_MAX_LENGTH = 255;

/** Scores older than this many days are flagged: the weekly run should have refreshed them. */
const STALE_AFTER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export default class AccountHealth extends LightningElement {
    @api recordId;

    view;
    loadErrors = [];
    isLoaded = false;
    canEditOverride = false;

    isEditing = false;
    isSaving = false;
    draft = { band: '', reason: '', expires: '' };
    saveErrors = [];
    focusTarget;

    @wire(getRecord, { recordId: '$recordId', fields: REQUIRED_FIELDS, optionalFields: OPTIONAL_FIELDS })
    wiredRecord({ data, error }) {
        if (data) {
            const values = {};
            [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS].forEach((field) => {
                const value = getFieldValue(data, field);
                values[field.fieldApiName] = value === undefined ? null : value;
            });
            this.view = buildHealthView(values, this.today);
            this.loadErrors = [];
            this.isLoaded = true;
        } else if (error) {
            this.view = undefined;
            this.loadErrors = reduceErrors(error);
            if (this.loadErrors.length === 0) {
                this.loadErrors = ['Unknown error'];
            }
            this.isLoaded = true;
        }
    }

    @wire(getObjectInfo, { objectApiName: ACCOUNT_OBJECT })
    wiredObjectInfo({ data, error }) {
        if (data) {
            const fields = data.fields || {};
            this.canEditOverride = OVERRIDE_FIELDS.every(
                (field) => fields[field.fieldApiName] && fields[field.fieldApiName].updateable === true
            );
        } else if (error) {
            this.canEditOverride = false;
        }
    }

    get today() {
        return todayIn(TIME_ZONE);
    }

    get isLoading() {
        return !this.isLoaded;
    }

    get hasLoadError() {
        return this.loadErrors.length > 0;
    }

    get isNeverScored() {
        return !!this.view && this.view.isNeverScored;
    }

    get hasScore() {
        return !!this.view && !this.view.isNeverScored;
    }

    get override() {
        return this.view ? this.view.override : { status: 'none' };
    }

    get showOverrideControls() {
        return this.hasScore && this.canEditOverride && !this.isEditing;
    }

    get overrideButtonLabel() {
        return this.override.isActive ? 'Edit override' : 'Override band';
    }

    get showClearOverride() {
        return this.override.status !== 'none';
    }

    get scoredAtText() {
        const raw = this.view && this.view.scoredAt;
        const when = raw ? new Date(raw) : null;
        if (!when || Number.isNaN(when.getTime())) {
            return '';
        }
        try {
            return new Intl.DateTimeFormat(LOCALE, {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone: TIME_ZONE
            }).format(when);
        } catch (e) {
            return when.toISOString();
        }
    }

    get staleText() {
        const raw = this.view && this.view.scoredAt;
        const when = raw ? new Date(raw).getTime() : NaN;
        if (Number.isNaN(when)) {
            return '';
        }
        const days = Math.floor((Date.now() - when) / DAY_MS);
        return days > STALE_AFTER_DAYS
            ? `Last scored ${days} days ago. The weekly run may not be reaching this account.`
            : '';
    }

    get driversStatusText() {
        return this.sectionStatusText(this.view.drivers.status, 'No drivers this run.', 'Drivers unavailable.');
    }

    get driversStatusClass() {
        return this.sectionStatusClass(this.view.drivers.status);
    }

    get subScoresStatusText() {
        return this.sectionStatusText(this.view.subScores.status, 'No dimension scores this run.', 'Dimension scores unavailable.');
    }

    get subScoresStatusClass() {
        return this.sectionStatusClass(this.view.subScores.status);
    }

    get signalsStatusText() {
        return this.sectionStatusText(this.view.signals.status, 'No conversation signals yet.', 'Conversation signals unavailable.');
    }

    get signalsStatusClass() {
        return this.sectionStatusClass(this.view.signals.status);
    }

    sectionStatusText(status, emptyText, unavailableText) {
        if (status === 'unavailable') {
            return unavailableText;
        }
        return status === 'empty' ? emptyText : '';
    }

    sectionStatusClass(status) {
        return status === 'unavailable' ? 'health__unavailable' : 'health__muted';
    }

    get bandOptions() {
        return OVERRIDE_BANDS.map((value) => ({ label: BAND_LABELS[value], value }));
    }

    get reasonMaxLength() {
        return REASON_MAX_LENGTH;
    }

    get hasSaveErrors() {
        return this.saveErrors.length > 0;
    }

    get saveDisabled() {
        return this.isSaving;
    }

    handleStartOverride() {
        const current = this.override;
        this.draft = current.isActive
            ? { band: current.band, reason: current.reason || '', expires: current.expires || '' }
            : { band: '', reason: '', expires: '' };
        this.saveErrors = [];
        this.isEditing = true;
        this.focusTarget = '[data-field="band"]';
    }

    handleCancelOverride() {
        this.isEditing = false;
        this.saveErrors = [];
        this.focusTarget = '[data-id="override-toggle"]';
    }

    handleDraftChange(event) {
        const field = event.target.dataset.field;
        const value = event.detail && event.detail.value !== undefined ? event.detail.value : event.target.value;
        this.draft = { ...this.draft, [field]: value === null || value === undefined ? '' : value };
    }

    /** Returns one message per invalid field, keyed by data-field; empty when the draft can be saved. */
    validateDraft() {
        const problems = {};
        const { band, reason, expires } = this.draft;
        if (!OVERRIDE_BANDS.includes(band)) {
            problems.band = 'Choose the band this account should show.';
        }
        const trimmed = (reason || '').trim();
        if (!trimmed) {
            problems.reason = 'Give a reason for the override.';
        } else if (trimmed.length > REASON_MAX_LENGTH) {
            problems.reason = `Keep the reason to ${REASON_MAX_LENGTH} characters.`;
        }
        if (!/^\d{4}-\d{2}-\d{2}$/.test(expires || '')) {
            problems.expires = 'Choose the date the override expires.';
        } else if (expires < this.today) {
            problems.expires = 'The expiry date must be today or later.';
        }
        return problems;
    }

    reportProblems(problems) {
        this.template.querySelectorAll('[data-field]').forEach((input) => {
            const message = problems[input.dataset.field] || '';
            if (typeof input.setCustomValidity === 'function') {
                input.setCustomValidity(message);
            }
            if (typeof input.reportValidity === 'function') {
                input.reportValidity();
            }
        });
    }

    async handleSaveOverride() {
        const problems = this.validateDraft();
        this.reportProblems(problems);
        const messages = Object.values(problems);
        if (messages.length > 0) {
            this.saveErrors = messages;
            return;
        }
        await this.writeOverride(
            {
                [OVERRIDE_BAND_FIELD.fieldApiName]: this.draft.band,
                [OVERRIDE_REASON_FIELD.fieldApiName]: this.draft.reason.trim(),
                [OVERRIDE_EXPIRES_FIELD.fieldApiName]: this.draft.expires
            },
            {
                title: 'Health override saved',
                message: `This account shows ${BAND_LABELS[this.draft.band]} until ${this.draft.expires}.`
            }
        );
    }

    async handleClearOverride() {
        await this.writeOverride(
            {
                [OVERRIDE_BAND_FIELD.fieldApiName]: null,
                [OVERRIDE_REASON_FIELD.fieldApiName]: null,
                [OVERRIDE_EXPIRES_FIELD.fieldApiName]: null
            },
            { title: 'Health override cleared', message: 'The computed band applies again.' }
        );
    }

    async writeOverride(values, toast) {
        this.isSaving = true;
        this.saveErrors = [];
        try {
            await updateRecord({ fields: { [ID_FIELD.fieldApiName]: this.recordId, ...values } });
            this.isEditing = false;
            this.focusTarget = '[data-id="override-toggle"]';
            this.dispatchEvent(new ShowToastEvent({ ...toast, variant: 'success' }));
        } catch (error) {
            const messages = reduceErrors(error);
            this.saveErrors = messages.length ? messages : ['The override could not be saved.'];
            if (!this.isEditing) {
                // Clearing happens outside the form: open it so the error has a place to show.
                this.handleStartOverride();
                this.saveErrors = messages.length ? messages : ['The override could not be cleared.'];
            }
        } finally {
            this.isSaving = false;
        }
    }

    renderedCallback() {
        if (this.focusTarget) {
            const target = this.template.querySelector(this.focusTarget);
            if (target && typeof target.focus === 'function') {
                target.focus();
                this.focusTarget = undefined;
            }
        }
    }
}
