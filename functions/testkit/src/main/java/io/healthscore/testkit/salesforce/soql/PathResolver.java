package io.healthscore.testkit.salesforce.soql;

import io.healthscore.testkit.salesforce.org.ApiFault;
import io.healthscore.testkit.salesforce.org.FieldDefinition;
import io.healthscore.testkit.salesforce.org.FieldType;
import io.healthscore.testkit.salesforce.org.OrgSchema;
import io.healthscore.testkit.salesforce.org.ParentRelationship;
import io.healthscore.testkit.salesforce.org.SObjectType;
import io.healthscore.testkit.salesforce.soql.SoqlQuery.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks field paths against the schema and reports the real INVALID_FIELD messages. */
final class PathResolver {
    private static final Map<String, FieldType> NAME_FIELDS =
            Map.of("id", FieldType.ID, "name", FieldType.STRING, "type", FieldType.STRING);

    private final OrgSchema schema;
    private final String query;

    PathResolver(OrgSchema schema, String query) {
        this.schema = schema;
        this.query = query;
    }

    ResolvedPath resolve(SObjectType base, FieldPath path) {
        SObjectType type = base;
        boolean polymorphic = false;
        List<String> names = new ArrayList<>();
        List<ParentRelationship> hops = new ArrayList<>();
        List<String> parts = path.parts();
        for (int i = 0; i < parts.size() - 1; i++) {
            String part = parts.get(i);
            ParentRelationship hop = polymorphic ? null : type.parent(part).orElse(null);
            if (hop == null) {
                throw SoqlException.invalidField(query, path.position(), "Didn't understand relationship '" + part
                        + "' in field path. If you are attempting to use a custom relationship, be sure to append "
                        + "the '__r' after the custom relationship name. Please reference your WSDL or the describe "
                        + "call for the appropriate names.");
            }
            hops.add(hop);
            names.add(hop.name());
            polymorphic = hop.polymorphic();
            type = polymorphic ? null : schema.require(hop.targets().get(0));
        }
        String last = parts.get(parts.size() - 1);
        if (polymorphic) {
            FieldType pseudo = NAME_FIELDS.get(last.toLowerCase(Locale.ROOT));
            if (pseudo == null) {
                throw SoqlException.invalidField(query, path.position(),
                        ApiFault.noSuchColumnMessage(last, "Name"));
            }
            String canonical = Character.toUpperCase(last.charAt(0)) + last.substring(1).toLowerCase(Locale.ROOT);
            names.add(canonical);
            return new ResolvedPath(names, hops, canonical, pseudo, true);
        }
        SObjectType owner = type;
        FieldDefinition field = type.field(last).orElseThrow(() -> SoqlException.invalidField(query,
                path.position(), ApiFault.noSuchColumnMessage(last,
                        owner.name())));
        names.add(field.name());
        return new ResolvedPath(names, hops, field.name(), field.type(), false);
    }
}
