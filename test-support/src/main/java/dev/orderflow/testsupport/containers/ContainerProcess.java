package dev.orderflow.testsupport.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running container's main process as the kernel sees it, read from the host's /proc: what is, not what was asked.
 *
 * @param status the lines of /proc/&lt;pid&gt;/status
 * @param uids   the real, effective, saved and file-system UIDs, as the container sees them
 * @param gids   the same for GIDs
 * @param mounts mount point to options, from /proc/&lt;pid&gt;/mounts
 */
public record ContainerProcess(List<String> status, List<Long> uids, List<Long> gids, Map<String, String> mounts) {

    public static ContainerProcess of(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        try {
            List<String> status = Files.readAllLines(process.resolve("status"));
            Map<String, String> mounts = new LinkedHashMap<>();
            for (String line : Files.readAllLines(process.resolve("mounts"))) {
                String[] fields = line.split(" ");
                mounts.put(fields[1], fields[3]);
            }
            return new ContainerProcess(status, idsInContainer(status, "Uid:", process.resolve("uid_map")),
                    idsInContainer(status, "Gid:", process.resolve("gid_map")), mounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A status line's IDs mapped back into the container's user namespace: rootless podman shows the host's
     * subordinate IDs in /proc (rootful podman maps 1:1).
     */
    private static List<Long> idsInContainer(List<String> status, String field, Path idMap) throws IOException {
        List<long[]> ranges = Files.readAllLines(idMap).stream()
                .map(line -> Arrays.stream(line.strip().split("\\s+")).mapToLong(Long::parseLong).toArray()).toList();
        String line = status.stream().filter(entry -> entry.startsWith(field)).findFirst().orElseThrow();
        return Arrays.stream(line.substring(field.length()).strip().split("\\s+")).map(Long::parseLong)
                .map(hostId -> ranges.stream().filter(range -> hostId >= range[1] && hostId < range[1] + range[2])
                        .map(range -> range[0] + hostId - range[1]).findFirst()
                        .orElseThrow(() -> new AssertionError(field + " " + hostId + " is not mapped in " + idMap)))
                .toList();
    }
}
