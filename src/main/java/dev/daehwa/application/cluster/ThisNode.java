package dev.daehwa.application.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's name among the others: {@code DAEHWA_NODE_NAME} (else the host name) with a random
 * suffix, so that two processes (replicas of one configuration, or a node and its restarted
 * self) are never taken for each other.
 */
@ApplicationScoped
public class ThisNode {

    private final String name;

    /** For the CDI proxy only. */
    protected ThisNode() {
        this.name = null;
    }

    @Inject
    public ThisNode(@ConfigProperty(name = "DAEHWA_NODE_NAME") Optional<String> configured) {
        this.name = configured.filter(n -> !n.isBlank()).map(ThisNode::shortened).orElseGet(ThisNode::hostName)
                + "-" + randomSuffix();
    }

    private static String hostName() {
        try {
            return shortened(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return "node";
        }
    }

    /** Names travel in every message between nodes, which must stay small. */
    private static String shortened(String name) {
        String strip = name.strip();
        return strip.length() <= 40 ? strip : strip.substring(0, 40);
    }

    /**
     * Always added, even to a configured name: replicas started from one configuration would
     * otherwise share a name, and each would ignore the others' messages as its own.
     */
    private static String randomSuffix() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public String name() {
        return name;
    }
}
