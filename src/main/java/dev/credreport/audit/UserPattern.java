package dev.credreport.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/** A glob on user names, {@code *} for any run of characters and {@code ?} for one, for --ignore-users. */
public final class UserPattern {
    private final String glob;
    private final Pattern regex;

    public UserPattern(String glob) {
        this.glob = Objects.requireNonNull(glob);
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("an empty pattern matches no user");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.regex = Pattern.compile(regex.toString());
    }

    public boolean matches(String user) {
        return regex.matcher(user).matches();
    }

    public String glob() {
        return glob;
    }
}
