package dev.tokenx.secrets;

import java.util.List;

/** A service outside local mode was about to use a missing or published secret: it must not start. */
public final class DevelopmentSecretsRefused extends IllegalStateException {

    private final List<String> problems;
    private final List<String> variables;

    DevelopmentSecretsRefused(List<String> problems, List<String> variables) {
        super("Refusing to start outside local mode: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.variables = List.copyOf(variables);
    }

    /** One line per refused secret, naming its variable and property; never its value. */
    public List<String> problems() {
        return problems;
    }

    /** The variables to set, in declaration order. */
    public List<String> variables() {
        return variables;
    }
}
