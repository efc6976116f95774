package io.healthscore.testkit.salesforce.control;

/** Raised by the gate when the fault plan wants this call answered with a bare HTTP error. */
public final class InjectedHttpFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    InjectedHttpFailure(int status) {
        super("injected HTTP " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
