package dev.keyfence.ledger;

/** Database URLs as they may be printed: without user-info, query or parameters. */
public final class LedgerUrls {
    private LedgerUrls() {}

    /**
     * {@code jdbc:postgresql://user:pw@db:5432/keyfence?password=x} becomes
     * {@code jdbc:postgresql://db:5432/keyfence}: scheme, host, port and path only.
     */
    public static String redact(String jdbcUrl) {
        String s = jdbcUrl;
        int cut = indexOfAny(s, '?', ';', '#');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        int slashes = s.indexOf("//");
        if (slashes >= 0) {
            int hostStart = slashes + 2;
            int pathStart = s.indexOf('/', hostStart);
            String authority = pathStart < 0 ? s.substring(hostStart) : s.substring(hostStart, pathStart);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                s = s.substring(0, hostStart)
                        + authority.substring(at + 1)
                        + (pathStart < 0 ? "" : s.substring(pathStart));
            }
        }
        return s;
    }

    private static int indexOfAny(String s, char... chars) {
        int best = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
