package io.healthscore.testkit.salesforce.soap;

import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.IncomingRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A Partner API request envelope: SessionHeader, QueryOptions and AllOrNoneHeader from the header, the operation
 * element from the body, and the sObjects it carries as {@link IncomingRecord}s.
 */
final class SoapRequest {
    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final Element header;
    private final Element operation;

    private SoapRequest(Element header, Element operation) {
        this.header = header;
        this.operation = operation;
    }

    static SoapRequest parse(byte[] xml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new MalformedSoapRequest("Unable to parse the request: " + e.getMessage());
        }
        Element envelope = document.getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName()) || !SOAP_ENV.equals(envelope.getNamespaceURI())) {
            throw new MalformedSoapRequest("Not a SOAP 1.1 envelope");
        }
        Element header = child(envelope, "Header");
        Element body = child(envelope, "Body");
        Element operation = body == null ? null : firstElement(body);
        if (operation == null) {
            throw new MalformedSoapRequest("No operation in the SOAP body");
        }
        return new SoapRequest(header, operation);
    }

    String operation() {
        return operation.getLocalName();
    }

    String sessionId() {
        return headerValue("SessionHeader", "sessionId");
    }

    Integer batchSize() {
        String value = headerValue("QueryOptions", "batchSize");
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new MalformedSoapRequest("batchSize is not a number: " + value);
        }
    }

    boolean allOrNone() {
        return Boolean.parseBoolean(headerValue("AllOrNoneHeader", "allOrNone"));
    }

    /** Text of a direct child of the operation element ({@code queryString}, {@code queryLocator}...). */
    String argument(String name) {
        Element element = child(operation, name);
        return element == null ? null : element.getTextContent();
    }

    List<String> arguments(String name) {
        List<String> values = new ArrayList<>();
        for (Element element : children(operation, name)) {
            values.add(element.getTextContent().trim());
        }
        return values;
    }

    int countOf(String name) {
        return children(operation, name).size();
    }

    List<IncomingRecord> sObjects() {
        List<IncomingRecord> records = new ArrayList<>();
        for (Element sObject : children(operation, "sObjects")) {
            String type = null;
            String id = null;
            Map<String, String> values = new LinkedHashMap<>();
            List<String> fieldsToNull = new ArrayList<>();
            for (Element field : children(sObject, null)) {
                String name = field.getLocalName();
                if (name.equals("type")) {
                    type = field.getTextContent().trim();
                } else if (name.equals("Id")) {
                    id = field.getTextContent().trim();
                } else if (name.equals("fieldsToNull")) {
                    fieldsToNull.add(field.getTextContent().trim());
                } else if (firstElement(field) != null) {
                    throw new ApiFault(ApiFault.Kind.INVALID_FIELD, "INVALID_FIELD", "Setting " + name
                            + " through a related record's external id is not supported by the Salesforce org "
                            + "emulator; set the lookup id field instead");
                } else if (!"true".equals(field.getAttributeNS(XSI, "nil"))) {
                    values.put(name, field.getTextContent());
                }
            }
            records.add(new IncomingRecord(type, id, values, fieldsToNull));
        }
        return records;
    }

    private String headerValue(String headerName, String field) {
        if (header == null) {
            return null;
        }
        Element block = child(header, headerName);
        Element value = block == null ? null : child(block, field);
        return value == null ? null : value.getTextContent();
    }

    private static Element child(Element parent, String localName) {
        List<Element> matches = children(parent, localName);
        return matches.isEmpty() ? null : matches.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                result.add(element);
            }
        }
        return result;
    }

    private static Element firstElement(Element parent) {
        List<Element> all = children(parent, null);
        return all.isEmpty() ? null : all.get(0);
    }
}
