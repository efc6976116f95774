package io.healthscore.salesforce.pull;

import com.sforce.ws.bind.XmlObject;
import java.util.Map;

/**
 * A record's field values as text, whether it came from a SOAP query (force-wsc {@link XmlObject}, parent fields by
 * path such as {@code Owner.ManagerId}) or a Bulk CSV row (the same path as column name). Empty means null.
 */
interface SalesforceRecord {

    String text(String path);

    default String id() {
        return text("Id");
    }

    static SalesforceRecord of(XmlObject record) {
        return path -> {
            XmlObject current = record;
            int from = 0;
            int dot;
            while ((dot = path.indexOf('.', from)) >= 0) {
                current = current.getChild(path.substring(from, dot));
                if (current == null) {
                    return null;
                }
                from = dot + 1;
            }
            Object value = current.getField(path.substring(from));
            if (value == null) {
                return null;
            }
            String text = value.toString();
            return text.isEmpty() ? null : text;
        };
    }

    static SalesforceRecord of(Map<String, Integer> header, String[] row) {
        return path -> {
            Integer i = header.get(path);
            if (i == null) {
                // Bulk headers keep the case of the query; match the way SOQL does
                for (Map.Entry<String, Integer> e : header.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(path)) {
                        i = e.getValue();
                        break;
                    }
                }
            }
            if (i == null || i >= row.length) {
                return null;
            }
            String text = row[i];
            return text == null || text.isEmpty() ? null : text;
        };
    }
}
