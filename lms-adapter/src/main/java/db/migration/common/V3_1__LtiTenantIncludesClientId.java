package db.migration.common;

import fi.kasvu.lms.lti.PlatformRegistration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every LTI deployment's data from the old tenant key (issuer + deployment) to the new one
 * (issuer + client id + deployment): documents and outbox items are re-keyed; sessions and
 * picker sessions, whose stored JSON names the old tenant, are ended (learners open the activity
 * again). If two client ids of one issuer shared a deployment id, their data was already mixed;
 * it goes to the first client id in order and the migration says so in the log.
 */
public class V3_1__LtiTenantIncludesClientId extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V3_1__LtiTenantIncludesClientId.class);
    private static final String TOOL_TENANT = "kasvu:tool";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        // (issuer, deployment) -> client ids, in order.
        Map<List<String>, TreeSet<String>> clients = new TreeMap<>((a, b) -> {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        });
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT document FROM kasvu_document WHERE tenant = ? AND kind = ?")) {
            select.setString(1, TOOL_TENANT);
            select.setString(2, "lti.registration");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JsonObject o = Json.createReader(new StringReader(rows.getString(1))).readObject();
                    String issuer = o.getString("issuer");
                    String clientId = o.getString("clientId");
                    for (JsonString deployment : o.getJsonArray("deploymentIds").getValuesAs(JsonString.class)) {
                        clients.computeIfAbsent(List.of(issuer, deployment.getString()), k -> new TreeSet<>())
                                .add(clientId);
                    }
                }
            }
        }
        int moved = 0;
        for (Map.Entry<List<String>, TreeSet<String>> entry : clients.entrySet()) {
            String issuer = entry.getKey().get(0);
            String deployment = entry.getKey().get(1);
            String from = PlatformRegistration.legacyTenantOf(issuer, deployment).value();
            String to = PlatformRegistration.tenantOf(issuer, entry.getValue().first(), deployment).value();
            if (entry.getValue().size() > 1) {
                LOG.warn("Deployment {} of one issuer was shared by {} client ids; its data now belongs to the first "
                        + "client id in order", deployment.length() > 40 ? "(long id)" : deployment.replaceAll("\\p{Cntrl}", "?"),
                        entry.getValue().size());
            }
            moved += update(connection, "UPDATE kasvu_document SET tenant = ? WHERE tenant = ?", to, from);
            moved += update(connection, "UPDATE kasvu_outbox SET tenant = ? WHERE tenant = ?", to, from);
        }
        int ended;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM kasvu_expiring_value WHERE namespace IN ('lti.session', 'pages.session', 'lti.picker')")) {
            ended = delete.executeUpdate();
        }
        LOG.info("LTI tenants now include the client id: {} rows moved for {} deployments, {} sessions ended", moved,
                clients.size(), ended);
    }

    private static int update(Connection connection, String sql, String to, String from) throws SQLException {
        if (to.equals(from)) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, to);
            statement.setString(2, from);
            return statement.executeUpdate();
        }
    }

}
