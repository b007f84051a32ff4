package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A running container's main process as the kernel sees it, read from the host's /proc: what is, not what was asked. */
final class Hardening {

    private Hardening() {
    }

    /** UID and GID 10001, no effective capability, no privilege gain, and a read-only root file system. */
    static void assertHardened(Podman podman, String container) {
        Path process = Path.of("/proc", Long.toString(podman.pid(container)));
        try {
            List<String> status = Files.readAllLines(process.resolve("status"));
            String rootMount = Files.readAllLines(process.resolve("mounts")).stream()
                    .filter(line -> line.split(" ")[1].equals("/")).findFirst().orElseThrow();

            assertThat(idsInContainer(status, "Uid:", process.resolve("uid_map"))).as("%s UIDs", container)
                    .containsOnly((long) Images.UID);
            assertThat(idsInContainer(status, "Gid:", process.resolve("gid_map"))).as("%s GIDs", container)
                    .containsOnly((long) Images.UID);
            assertThat(status).as(container).contains("CapEff:\t0000000000000000", "NoNewPrivs:\t1");
            assertThat(rootMount.split(" ")[3].split(",")).as("%s root mount %s", container, rootMount).contains("ro");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real, effective, saved and file-system IDs of a status line, mapped back into the container's user
     * namespace: rootless podman shows the host's subordinate IDs here (rootful podman maps 1:1).
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
