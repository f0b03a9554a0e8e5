package modmanager.host;

import de.vertico.starface.module.core.model.ModuleInstance;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The STARFACE test host: runs module files (.sfm) the way STARFACE does as far as the
 * project knows it, and serves their XML-RPC entry points over HTTPS.
 *
 * <pre>
 * java -cp agent/build/host/classes modmanager.host.Main --config (FILE | -) [--watch-stdin]
 * </pre>
 *
 * {@code --config -} reads the JSON configuration from the first line of stdin;
 * {@code --watch-stdin} then exits when stdin closes (the parent test process died). The first
 * stdout line is {@code LISTENING <port>}; the log goes to stderr.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String configSource = null;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configSource = args[++i];
            } else if (args[i].equals("--watch-stdin")) {
                watchStdin = true;
            } else {
                usage("unknown argument " + args[i]);
            }
        }
        if (configSource == null) {
            usage("--config is required");
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String text;
        if (configSource.equals("-")) {
            text = stdin.readLine();
            if (text == null) {
                usage("no configuration on stdin");
            }
        } else {
            text = new String(Files.readAllBytes(Paths.get(configSource)), StandardCharsets.UTF_8);
        }
        HostConfig config;
        try {
            config = HostConfig.fromJson(text);
        } catch (IllegalArgumentException error) {
            usage("bad configuration: " + error.getMessage());
            return;
        }
        Pbx pbx = new Pbx(config);
        HostServices services = HostServices.start(config, pbx);
        System.setProperty("modmanager.starface.moduleRepo", pbx.moduleRepo().toString());
        for (HostConfig.ModuleSpec module : config.modules) {
            pbx.preinstall(module);
        }
        if (config.agent != null) {
            pbx.preinstall(config.agent);
            ModuleInstance agent = pbx.liveInstanceByName(config.agentInstance);
            Path dataDir = pbx.instanceRepo().resolve(agent.getId()).resolve("modmanager-agent");
            Files.createDirectories(dataDir);
            System.setProperty("modmanager.agent.dataDir", dataDir.toString());
            HostLog.info("agent instance " + config.agentInstance + " (" + agent.getId() + "), data folder " + dataDir);
        }
        Server server = new Server(config, services);
        int port = server.start(sslContext(config));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        HostLog.info("STARFACE " + config.starfaceVersion + " test host on https://" + config.bind + ":" + port
                + "/xml-rpc (API style " + config.apiStyle + ")");
        System.out.println("LISTENING " + port);
        System.out.flush();
        // Nobody reads stdout after this line: module output goes to the log instead of filling the pipe.
        System.setOut(System.err);
        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    while (stdin.readLine() != null) {
                        // nothing to do: the host only waits for the end of stdin
                    }
                } catch (Exception error) {
                    // stdin broken: same as closed
                }
                HostLog.info("stdin closed; stopping");
                System.exit(0);
            }, "stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private static SSLContext sslContext(HostConfig config) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Paths.get(config.keystore))) {
            keys.load(in, config.keystorePassword);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, config.keystorePassword);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static void usage(String problem) {
        System.err.println("modmanager test host: " + problem);
        System.err.println("usage: java -cp agent/build/host/classes modmanager.host.Main --config (FILE | -) [--watch-stdin]");
        System.exit(2);
    }
}
