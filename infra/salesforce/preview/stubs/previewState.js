/* The fixture state the preview page renders, set by src/main.js before the component is created. */
export function previewState() {
    if (!window.__accountHealthPreview) {
        throw new Error('preview state not set');
    }
    return window.__accountHealthPreview;
}
