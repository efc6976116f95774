/* Preview stand-in for lightning/uiObjectInfoApi: field access of the previewed user. */
import { previewState } from '../previewState';

export class getObjectInfo {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {}

    disconnect() {}

    update() {
        const { objectInfo } = previewState();
        Promise.resolve().then(() => this.dataCallback({ data: objectInfo, error: undefined }));
    }
}
