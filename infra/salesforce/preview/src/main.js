/*
 * Preview page: renders the real accountHealth component (same source the org gets) with
 * fixture data, inside a frame as wide as a Lightning record page sidebar.
 * URL: index.html?state=healthy&width=300
 */
import './fixedClock';
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import AccountHealth from 'c/accountHealth';
import { STATES } from './states';

const params = new URLSearchParams(window.location.search);
const stateName = params.get('state') || 'healthy';
const width = Number(params.get('width')) || 300;
const state = STATES[stateName];

const nav = document.querySelector('[data-preview-nav]');
Object.entries(STATES).forEach(([name, s]) => {
    const link = document.createElement('a');
    link.href = `?state=${name}&width=${width}`;
    link.textContent = s.title;
    if (name === stateName) {
        link.setAttribute('aria-current', 'page');
    }
    nav.appendChild(link);
});

const frame = document.querySelector('[data-preview-frame]');
frame.style.width = `${width}px`;

if (!state) {
    frame.textContent = `Unknown state "${stateName}".`;
} else {
    document.title = `Customer health preview: ${state.title}`;
    window.__accountHealthPreview = {
        name: stateName,
        record: state.record ? JSON.parse(JSON.stringify(state.record)) : undefined,
        recordError: state.recordError,
        updateError: state.updateError,
        objectInfo: state.objectInfo,
        updates: [],
        toasts: []
    };
    const element = createElement('c-account-health', { is: AccountHealth });
    element.recordId = '001Hs00003xKq9QIAS';
    frame.appendChild(element);
}

document.addEventListener('lightning__showtoast', (event) => {
    window.__accountHealthPreview.toasts.push(event.detail);
    const toast = document.querySelector('[data-preview-toast]');
    toast.hidden = false;
    toast.querySelector('h2').textContent = event.detail.title;
    toast.querySelector('p').textContent = event.detail.message || '';
});
