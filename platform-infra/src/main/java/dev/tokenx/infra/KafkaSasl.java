package dev.tokenx.infra;

import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * SASL on a {@link KafkaBroker}: one super user, authenticated with PLAIN against the broker's own configuration, and
 * any number of service users, authenticated with SCRAM-SHA-256 against credentials stored in the cluster's metadata.
 *
 * <p>The super user is PLAIN because KRaft stores SCRAM credentials in the metadata log, which the broker cannot read
 * before its listeners are authenticated: the broker itself (towards its controller and towards itself) and the
 * launcher's admin client need a user that exists without the metadata. SCRAM never sends the password, so the
 * services' users are SCRAM; the handshake happens once per connection, not per record.
 *
 * @param superUser the one user the authorizer lets do anything (topics, users, ACLs)
 * @param superUserPassword its password; letters, digits and {@code - _ . ~ + / =} only (it is written into a JAAS
 *     line)
 */
public record KafkaSasl(String superUser, String superUserPassword) {

    public static final String SCRAM_MECHANISM = "SCRAM-SHA-256";
    static final String SUPER_USER_MECHANISM = "PLAIN";

    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{1,256}");

    public KafkaSasl {
        requirePlain("super user", superUser);
        requirePlain("super user password", superUserPassword);
    }

    /** What a client of the super user sets beside {@code bootstrap.servers}. */
    public Map<String, Object> superUserClient() {
        return client(
                SUPER_USER_MECHANISM,
                "org.apache.kafka.common.security.plain.PlainLoginModule",
                superUser,
                superUserPassword);
    }

    /** What a client of a SCRAM service user sets beside {@code bootstrap.servers}. */
    public static Map<String, Object> scramClient(String user, String password) {
        return client(SCRAM_MECHANISM, "org.apache.kafka.common.security.scram.ScramLoginModule", user, password);
    }

    /** The server's side of the PLAIN login: the super user and its password, nobody else. */
    String plainServerJaas() {
        return jaas("org.apache.kafka.common.security.plain.PlainLoginModule", superUser, superUserPassword)
                .replace(";", " user_" + superUser + "=\"" + superUserPassword + "\";");
    }

    private static Map<String, Object> client(String mechanism, String loginModule, String user, String password) {
        requirePlain("user", user);
        requirePlain("password", password);
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                SecurityProtocol.SASL_PLAINTEXT.name,
                SaslConfigs.SASL_MECHANISM,
                mechanism,
                SaslConfigs.SASL_JAAS_CONFIG,
                jaas(loginModule, user, password));
    }

    static String jaas(String loginModule, String user, String password) {
        return loginModule + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private static void requirePlain(String what, String value) {
        if (value == null || !PLAIN_TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("The Kafka " + what + " must be 1-256 of A-Z a-z 0-9 . _ ~ + / = -");
        }
    }
}
