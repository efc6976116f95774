/*
 * Preview stand-in for lightning/uiRecordApi: serves the fixture record of the state being
 * previewed and applies updateRecord to it, the way Lightning Data Service refreshes every
 * wire that shows the record. Same function names and shapes as the platform module.
 */
import { previewState } from '../previewState';

const activeAdapters = new Set();

function emitToAll() {
    activeAdapters.forEach((adapter) => adapter.emit());
}

export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {
        activeAdapters.add(this);
    }

    disconnect() {
        activeAdapters.delete(this);
    }

    update(config) {
        this.config = config;
        this.emit();
    }

    emit() {
        const state = previewState();
        if (!this.config || !this.config.recordId) {
            return;
        }
        // Resolve asynchronously, like the real adapter, so the loading state renders first.
        Promise.resolve().then(() => {
            if (state.recordError) {
                this.dataCallback({ data: undefined, error: state.recordError });
            } else if (state.record) {
                this.dataCallback({ data: state.record, error: undefined });
            }
        });
    }
}

function fieldName(field) {
    const qualified = typeof field === 'string' ? field : field.fieldApiName;
    return qualified.includes('.') ? qualified.split('.').pop() : qualified;
}

export function getFieldValue(record, field) {
    const entry = record && record.fields ? record.fields[fieldName(field)] : undefined;
    return entry === undefined ? undefined : entry.value;
}

export function getFieldDisplayValue(record, field) {
    const entry = record && record.fields ? record.fields[fieldName(field)] : undefined;
    return entry === undefined ? undefined : entry.displayValue;
}

export function updateRecord(recordInput) {
    const state = previewState();
    state.updates.push(JSON.parse(JSON.stringify(recordInput)));
    if (state.updateError) {
        return Promise.reject(state.updateError);
    }
    const fields = { ...state.record.fields };
    Object.entries(recordInput.fields)
        .filter(([name]) => name !== 'Id')
        .forEach(([name, value]) => {
            fields[name] = { value, displayValue: null };
        });
    state.record = { ...state.record, fields };
    emitToAll();
    return Promise.resolve(state.record);
}
