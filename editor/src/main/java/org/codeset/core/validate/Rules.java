package org.codeset.core.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The rules found on the class path through {@link ServiceLoader}, in id order. */
public final class Rules {
    private final Map<String, Rule> byId;

    private Rules(List<Rule> rules) {
        Map<String, Rule> map = new LinkedHashMap<>();
        rules.stream().sorted(Comparator.comparing(Rule::id)).forEach(r -> {
            Rule previous = map.putIfAbsent(r.id(), r);
            if (previous != null) {
                throw new IllegalStateException("two rules claim the id " + r.id() + ": "
                        + previous.getClass().getName() + " and " + r.getClass().getName());
            }
        });
        this.byId = Collections.unmodifiableMap(map);
    }

    /** Every rule contributed on the class path of {@code loader}. */
    public static Rules discover(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        ServiceLoader.load(Rule.class, loader).forEach(found::add);
        return new Rules(found);
    }

    /** Every rule contributed on this library's class path. */
    public static Rules discover() {
        return discover(Rules.class.getClassLoader());
    }

    public static Rules of(List<Rule> rules) {
        return new Rules(rules);
    }

    public List<Rule> all() {
        return List.copyOf(byId.values());
    }

    public Rule get(String id) {
        return byId.get(id);
    }
}
