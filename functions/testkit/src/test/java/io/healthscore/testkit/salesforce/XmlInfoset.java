package io.healthscore.testkit.salesforce;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The parts of an XML document a client can observe, one line per element in document order: depth, namespace,
 * local name, xsi:type / xsi:nil, and the element's own text (whitespace-only text between elements ignored).
 */
final class XmlInfoset {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private XmlInfoset() {
    }

    static List<String> of(byte[] xml) {
        return walk(xml, true);
    }

    /** Element names and attributes only, for documents whose values (ids, dates) legitimately differ. */
    static List<String> skeleton(byte[] xml) {
        return walk(xml, false);
    }

    private static List<String> walk(byte[] xml, boolean withText) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            List<String> lines = new ArrayList<>();
            visit(root, 0, withText, lines);
            return lines;
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + new String(xml, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    private static void visit(Element element, int depth, boolean withText, List<String> lines) {
        StringBuilder line = new StringBuilder("  ".repeat(depth)).append('{').append(element.getNamespaceURI())
                .append('}').append(element.getLocalName());
        if (element.hasAttributeNS(XSI, "type")) {
            line.append(" xsi:type=").append(element.getAttributeNS(XSI, "type"));
        }
        if (element.hasAttributeNS(XSI, "nil")) {
            line.append(" xsi:nil=").append(element.getAttributeNS(XSI, "nil"));
        }
        StringBuilder text = new StringBuilder();
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        if (withText && !text.toString().isBlank()) {
            line.append(" = ").append(text);
        }
        lines.add(line.toString());
        for (Element child : children) {
            visit(child, depth + 1, withText, lines);
        }
    }
}
