package dev.orderflow.docs;

/** One link or path that does not resolve: where it is written, what it says, and what is wrong with it. */
record Finding(String file, int line, String target, String problem) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + target + " (" + problem + ")";
    }
}
