package dev.signozha.cluster.kube;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who this process runs as, for the lock's holderIdentity. */
final class LocalProcess {

    private LocalProcess() {}

    static String user() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String host = System.getenv("HOSTNAME");
            return host == null || host.isBlank() ? "unknown-host" : host;
        }
    }
}
