/* Preview stand-in for lightning/platformShowToastEvent; the preview page renders the toast. */
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
