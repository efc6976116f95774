package io.healthscore.testkit.salesforce.soap;

/** A request that is not a SOAP message the Partner API understands: answered with a soapenv:Client fault. */
final class MalformedSoapRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedSoapRequest(String message) {
        super(message, null, false, false);
    }
}
