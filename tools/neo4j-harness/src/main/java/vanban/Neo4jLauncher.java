package vanban;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Starts a throw-away, in-process Neo4j 5 (community, via neo4j-harness) for the Python tests.
 *
 * <p>Usage: {@code java -Xmx768m -cp ... vanban.Neo4jLauncher [--port N] [--dir PATH] [--ignore-stdin]}
 *
 * <ul>
 *   <li>Bolt listens on 127.0.0.1:N (N = 0, the default, lets the OS pick a free port).</li>
 *   <li>Authentication is disabled; HTTP/HTTPS connectors are off.</li>
 *   <li>When the database accepts Bolt connections exactly one line
 *       {@code BOLT bolt://127.0.0.1:PORT} is printed to stdout.</li>
 *   <li>The server stops (and the JVM exits) when stdin reaches EOF, i.e. when the parent
 *       process closes the pipe or dies, or on SIGTERM/SIGINT (shutdown hook). The store (a random
 *       folder inside PATH) is deleted then, and PATH too if it is left empty. With
 *       {@code --ignore-stdin} (for a detached server, stdin /dev/null) only signals stop it.</li>
 * </ul>
 */
public final class Neo4jLauncher {

    private Neo4jLauncher() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        Path dir = null;
        boolean watchStdin = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--ignore-stdin" -> watchStdin = false;
                default -> {
                    System.err.println("usage: Neo4jLauncher [--port N] [--dir PATH] [--ignore-stdin]");
                    System.exit(2);
                }
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("vanban-neo4j-");
        }
        Files.createDirectories(dir);
        Path dataDir = dir;

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(dir)
                .withDisabledServer()
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(HttpConnector.enabled, false)
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(GraphDatabaseSettings.auth_enabled, false)
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                // Internal knobs: without them Bolt's netty shutdown idles ~10 s before close() returns.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
                .build();

        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                long t0 = System.nanoTime();
                try {
                    neo4j.close();
                    System.err.printf("Neo4jLauncher: stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                    // The harness deleted its store under dataDir; remove dataDir too if nothing else is left.
                    Files.deleteIfExists(dataDir);
                } catch (IOException e) {
                    // not empty (someone else's files): leave it
                } catch (RuntimeException e) {
                    System.err.println("Neo4jLauncher: error while stopping: " + e);
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-launcher-shutdown"));

        URI bolt = neo4j.boltURI();
        System.out.println("BOLT bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        if (!watchStdin) {
            Thread.currentThread().join(); // until SIGTERM/SIGINT: the shutdown hook stops Neo4j
        }
        waitForEndOfInput(System.in);
        stop.run();
        System.exit(0);
    }

    /** Blocks until stdin is closed (EOF) or unreadable. */
    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // ignore anything written to us; only EOF matters
            }
        } catch (IOException e) {
            // a broken stdin means the parent is gone: stop as well
        }
    }
}
