package lowweb;

/** Shows bytes the way a person can read them in a failure message: printable ASCII as it is, the rest escaped. */
final class Printable {

    private Printable() {
    }

    static String bytes(byte[] bytes) {
        StringBuilder shown = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xFF;
            switch (c) {
                case '\r' -> shown.append("\\r");
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                case '"', '\\' -> shown.append('\\').append((char) c);
                default -> shown.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : "\\x%02X".formatted(c));
            }
        }
        return shown.append('"').toString();
    }
}
