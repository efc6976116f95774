package io.healthscore.testkit.salesforce.soap;

import static io.healthscore.testkit.salesforce.http.XmlText.escape;

import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.SaveError;
import io.healthscore.testkit.salesforce.org.SaveOutcome;
import io.healthscore.testkit.salesforce.soql.ResultRecord;
import java.util.List;

/**
 * Writes Partner API envelopes exactly as the real endpoint does: default namespace urn:partner.soap.sforce.com,
 * record fields in urn:sobject.partner.soap.sforce.com (prefix sf), LimitInfoHeader in every successful response,
 * WSDL element order (QueryResult: done, queryLocator, records*, size; SaveResult: errors*, id, success), nulls as
 * {@code xsi:nil="true"}, faults with {@code detail/sf:<Kind>} in urn:fault.partner.soap.sforce.com.
 */
final class SoapEnvelopeWriter {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String ENVELOPE_NS = "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"";
    private static final String XSI_NS = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    private static final String PARTNER_NS = "xmlns=\"urn:partner.soap.sforce.com\"";
    private static final String SOBJECT_NS = "xmlns:sf=\"urn:sobject.partner.soap.sforce.com\"";
    private static final String FAULT_NS = "xmlns:sf=\"urn:fault.partner.soap.sforce.com\"";

    /** API request usage reported in LimitInfoHeader. */
    record LimitInfo(long current, long limit) {
    }

    private SoapEnvelopeWriter() {
    }

    static String queryResponse(String responseElement, QueryCursors.Page page, LimitInfo limits) {
        StringBuilder xml = open(limits, true);
        xml.append('<').append(responseElement).append("><result xsi:type=\"QueryResult\">");
        queryResultBody(xml, page.records(), page.nextLocator(), page.size());
        xml.append("</result></").append(responseElement).append('>');
        return close(xml);
    }

    static String countResponse(String responseElement, int size, LimitInfo limits) {
        return queryResponse(responseElement, new QueryCursors.Page(List.of(), null, size), limits);
    }

    static String saveResponse(String responseElement, List<SaveOutcome> outcomes, LimitInfo limits) {
        StringBuilder xml = open(limits, false);
        xml.append('<').append(responseElement).append('>');
        for (SaveOutcome outcome : outcomes) {
            xml.append("<result>");
            errorsIdSuccess(xml, outcome);
            xml.append("</result>");
        }
        xml.append("</").append(responseElement).append('>');
        return close(xml);
    }

    static String upsertResponse(List<SaveOutcome> outcomes, LimitInfo limits) {
        StringBuilder xml = open(limits, false);
        xml.append("<upsertResponse>");
        for (SaveOutcome outcome : outcomes) {
            xml.append("<result><created>").append(outcome.created()).append("</created>");
            errorsIdSuccess(xml, outcome);
            xml.append("</result>");
        }
        xml.append("</upsertResponse>");
        return close(xml);
    }

    static String userInfoResponse(UserInfo user, LimitInfo limits) {
        StringBuilder xml = open(limits, false);
        xml.append("<getUserInfoResponse><result>")
                .append("<accessibilityMode>false</accessibilityMode>")
                .append("<chatterExternal>false</chatterExternal>")
                .append("<currencySymbol>$</currencySymbol>")
                .append("<orgAttachmentFileSizeLimit>5242880</orgAttachmentFileSizeLimit>")
                .append("<orgDefaultCurrencyIsoCode>USD</orgDefaultCurrencyIsoCode>")
                .append("<orgDefaultCurrencyLocale>en_US</orgDefaultCurrencyLocale>")
                .append("<orgDisallowHtmlAttachments>false</orgDisallowHtmlAttachments>")
                .append("<orgHasPersonAccounts>false</orgHasPersonAccounts>");
        element(xml, "organizationId", user.organizationId());
        xml.append("<organizationMultiCurrency>false</organizationMultiCurrency>");
        element(xml, "organizationName", user.organizationName());
        element(xml, "profileId", user.profileId());
        element(xml, "roleId", null);
        element(xml, "sessionSecondsValid", Long.toString(user.sessionSecondsValid()));
        element(xml, "userDefaultCurrencyIsoCode", null);
        element(xml, "userEmail", user.userEmail());
        element(xml, "userFullName", user.userFullName());
        element(xml, "userId", user.userId());
        element(xml, "userLanguage", "en_US");
        element(xml, "userLocale", "en_US");
        element(xml, "userName", user.userName());
        element(xml, "userTimeZone", user.userTimeZone());
        element(xml, "userType", "Standard");
        element(xml, "userUiSkin", "Theme3");
        xml.append("</result></getUserInfoResponse>");
        return close(xml);
    }

    static String fault(ApiFault fault) {
        String code = fault.exceptionCode();
        String message = fault.exceptionMessage();
        boolean login = fault.kind() == ApiFault.Kind.LOGIN;
        StringBuilder xml = new StringBuilder(512).append(DECLARATION)
                .append("<soapenv:Envelope ").append(ENVELOPE_NS).append(' ').append(FAULT_NS).append(' ')
                .append(XSI_NS).append("><soapenv:Body><soapenv:Fault><faultcode>")
                .append(login ? code : "sf:" + code).append("</faultcode><faultstring>")
                .append(escape(code + ": " + message)).append("</faultstring><detail><sf:")
                .append(fault.kind().element()).append(" xsi:type=\"sf:").append(fault.kind().element())
                .append("\"><sf:exceptionCode>").append(code).append("</sf:exceptionCode><sf:exceptionMessage>")
                .append(escape(message)).append("</sf:exceptionMessage>");
        if (fault.kind().isQueryFault() && fault.row() != null) {
            xml.append("<sf:row>").append(fault.row()).append("</sf:row><sf:column>").append(fault.column())
                    .append("</sf:column>");
        }
        xml.append("</sf:").append(fault.kind().element()).append("></detail></soapenv:Fault></soapenv:Body>")
                .append("</soapenv:Envelope>");
        return xml.toString();
    }

    /** A fault about the SOAP message itself (no detail element), e.g. an unknown operation. */
    static String clientFault(String message) {
        return DECLARATION + "<soapenv:Envelope " + ENVELOPE_NS + "><soapenv:Body><soapenv:Fault>"
                + "<faultcode>soapenv:Client</faultcode><faultstring>" + escape(message) + "</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    private static void queryResultBody(StringBuilder xml, List<ResultRecord> records, String locator, int size) {
        xml.append("<done>").append(locator == null).append("</done>");
        element(xml, "queryLocator", locator);
        for (ResultRecord record : records) {
            record(xml, "records", record);
        }
        xml.append("<size>").append(size).append("</size>");
    }

    private static void record(StringBuilder xml, String element, ResultRecord record) {
        xml.append('<').append(element).append(" xsi:type=\"sf:sObject\"><sf:type>").append(record.type())
                .append("</sf:type>");
        element(xml, "sf:Id", record.headerId());
        for (ResultRecord.Field field : record.fields()) {
            String name = "sf:" + field.name();
            if (field instanceof ResultRecord.Value value) {
                element(xml, name, value.value() == null ? null : value.fieldType().format(value.value()));
            } else if (field instanceof ResultRecord.Parent parent) {
                if (parent.record() == null) {
                    element(xml, name, null);
                } else {
                    record(xml, name, parent.record());
                }
            } else if (field instanceof ResultRecord.Children children) {
                if (children.records().isEmpty()) {
                    element(xml, name, null);
                } else {
                    xml.append('<').append(name).append(" xsi:type=\"QueryResult\">");
                    queryResultBody(xml, children.records(), null, children.records().size());
                    xml.append("</").append(name).append('>');
                }
            }
        }
        xml.append("</").append(element).append('>');
    }

    private static void errorsIdSuccess(StringBuilder xml, SaveOutcome outcome) {
        for (SaveError error : outcome.errors()) {
            xml.append("<errors>");
            for (String field : error.fields()) {
                element(xml, "fields", field);
            }
            element(xml, "message", error.message());
            element(xml, "statusCode", error.statusCode());
            xml.append("</errors>");
        }
        element(xml, "id", outcome.id());
        xml.append("<success>").append(outcome.success()).append("</success>");
    }

    private static void element(StringBuilder xml, String name, String text) {
        if (text == null) {
            xml.append('<').append(name).append(" xsi:nil=\"true\"/>");
        } else {
            xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        }
    }

    private static StringBuilder open(LimitInfo limits, boolean withSObjectNamespace) {
        StringBuilder xml = new StringBuilder(4096).append(DECLARATION).append("<soapenv:Envelope ")
                .append(ENVELOPE_NS).append(' ').append(PARTNER_NS).append(' ').append(XSI_NS);
        if (withSObjectNamespace) {
            xml.append(' ').append(SOBJECT_NS);
        }
        return xml.append("><soapenv:Header><LimitInfoHeader><limitInfo><current>").append(limits.current())
                .append("</current><limit>").append(limits.limit()).append("</limit><type>API REQUESTS</type>")
                .append("</limitInfo></LimitInfoHeader></soapenv:Header><soapenv:Body>");
    }

    private static String close(StringBuilder xml) {
        return xml.append("</soapenv:Body></soapenv:Envelope>").toString();
    }
}
