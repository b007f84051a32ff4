package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.containers.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

            assertThat(status).as(container).contains("Uid:\t10001\t10001\t10001\t10001",
                    "Gid:\t10001\t10001\t10001\t10001", "CapEff:\t0000000000000000", "NoNewPrivs:\t1");
            assertThat(rootMount.split(" ")[3].split(",")).as("%s root mount %s", container, rootMount).contains("ro");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
