package dev.orderflow.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.containers.ContainerProcess;
import dev.orderflow.testsupport.containers.Podman;

/** What the kernel says of a running container's main process (ContainerProcess), against the images' hardening. */
final class Hardening {

    private Hardening() {
    }

    /** UID and GID 10001, no effective capability, no privilege gain, and a read-only root file system. */
    static void assertHardened(Podman podman, String container) {
        ContainerProcess process = ContainerProcess.of(podman.pid(container));
        String rootMount = process.mounts().get("/");

        assertThat(process.uids()).as("%s UIDs", container).containsOnly((long) Images.UID);
        assertThat(process.gids()).as("%s GIDs", container).containsOnly((long) Images.UID);
        assertThat(process.status()).as(container).contains("CapEff:\t0000000000000000", "NoNewPrivs:\t1");
        assertThat(rootMount.split(",")).as("%s root mount %s", container, rootMount).contains("ro");
    }
}
