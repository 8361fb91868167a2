package dev.tokenx.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Redis ACL users for a {@link RedisServer}: the {@code default} user is switched off, an admin user may do anything,
 * and each other user gets exactly its rules (key patterns {@code ~}, channel patterns {@code &}, commands {@code +}),
 * starting from nothing: no keys, no channels, no commands.
 *
 * @param admin the user that may do anything (the launcher, operators); the server's readiness check logs in as it
 * @param adminPassword its password
 * @param users everyone else
 */
public record RedisUsers(String admin, String adminPassword, List<User> users) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9._~+/=-]{16,256}");
    private static final Pattern RULE = Pattern.compile("[~&+\\-][A-Za-z0-9:*{}|@_.-]+");

    /**
     * @param rules ACL rules as {@code ACL SETUSER} takes them, for example {@code ~orders:kyc:*} or {@code +get}
     */
    public record User(String name, String password, List<String> rules) {

        public User {
            requireMatch("user name", NAME, name);
            requireMatch("password of " + name, PASSWORD, password);
            rules = List.copyOf(rules);
            rules.forEach(rule -> requireMatch("rule of " + name, RULE, rule));
        }
    }

    public RedisUsers {
        requireMatch("admin name", NAME, admin);
        requireMatch("admin password", PASSWORD, adminPassword);
        users = List.copyOf(users);
    }

    /** The {@code user} lines of redis.conf: the whole ACL, rewritten at every start. */
    List<String> configLines() {
        List<String> lines = new ArrayList<>();
        lines.add("user default off resetpass resetkeys resetchannels -@all");
        lines.add("user " + admin + " on resetpass >" + adminPassword + " ~* &* +@all");
        for (User user : users) {
            lines.add("user " + user.name() + " on resetpass >" + user.password() + " resetkeys resetchannels -@all "
                    + String.join(" ", user.rules()));
        }
        return lines;
    }

    private static void requireMatch(String what, Pattern pattern, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a valid Redis " + what + ": must match " + pattern.pattern());
        }
    }
}
