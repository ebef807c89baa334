import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates (idempotently) the topics listed in event-contracts' topics.csv on a local broker, or lists them.
 *
 * <pre>
 * java -cp '.stack/lib/kafka/*' stack/tools/CreateTopics.java --bootstrap 127.0.0.1:19092 --file topics.csv
 * java -cp '.stack/lib/kafka/*' stack/tools/CreateTopics.java --bootstrap 127.0.0.1:19092 --list
 * </pre>
 *
 * CSV columns: topic,partitions,retention_ms,cleanup_policy,... ; lines starting with # are comments.
 * Existing topics get missing partitions added and retention.ms / cleanup.policy set; nothing is deleted.
 * Waits (retrying) up to --timeout-ms for the broker to answer. Exit code 0 = all topics present.
 */
public class CreateTopics {

    record Spec(String name, int partitions, String retentionMs, String cleanupPolicy) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--list")) {
                opts.put("list", "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else {
                usage("unexpected argument: " + a);
            }
        }
        String bootstrap = opts.get("bootstrap");
        if (bootstrap == null || (!opts.containsKey("list") && !opts.containsKey("file"))) {
            usage("--bootstrap and one of --file or --list are required");
        }
        long timeoutMs = Long.parseLong(opts.getOrDefault("timeout-ms", "30000"));
        short replication = Short.parseShort(opts.getOrDefault("replication-factor", "1"));

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "televisit-create-topics");
        try (Admin admin = Admin.create(props)) {
            run(admin, opts, timeoutMs, replication);
        } catch (IllegalStateException | ExecutionException e) {
            System.err.println("CreateTopics: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
            System.exit(1);
        }
    }

    static void run(Admin admin, Map<String, String> opts, long timeoutMs, short replication) throws Exception {
        Set<String> existing = awaitTopics(admin, timeoutMs);
        if (opts.containsKey("file")) {
            List<Spec> specs = parse(Path.of(opts.get("file")));
            apply(admin, specs, existing, replication);
            print(admin, specs.stream().map(Spec::name).toList());
        } else {
            print(admin, existing.stream().filter(t -> !t.startsWith("__")).sorted().toList());
        }
    }

    static void usage(String message) {
        System.err.println("CreateTopics: " + message);
        System.err.println("usage: CreateTopics --bootstrap HOST:PORT (--file topics.csv | --list)"
                + " [--timeout-ms N] [--replication-factor N]");
        System.exit(2);
    }

    static List<Spec> parse(Path file) throws Exception {
        List<Spec> specs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] c = l.split(",", -1);
            if (c.length < 4) {
                throw new IllegalArgumentException("bad line in " + file + ": " + line);
            }
            specs.add(new Spec(c[0].strip(), Integer.parseInt(c[1].strip()), c[2].strip(), c[3].strip()));
        }
        return specs;
    }

    /** Lists topics, retrying until the broker answers or the timeout passes. */
    static Set<String> awaitTopics(Admin admin, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            try {
                return admin.listTopics().names().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("broker did not answer within " + timeoutMs + " ms", e);
                }
                Thread.sleep(300);
            }
        }
    }

    static void apply(Admin admin, List<Spec> specs, Set<String> existing, short replication) throws Exception {
        List<NewTopic> create = new ArrayList<>();
        for (Spec s : specs) {
            if (!existing.contains(s.name())) {
                create.add(new NewTopic(s.name(), s.partitions(), replication).configs(configs(s)));
            }
        }
        if (!create.isEmpty()) {
            admin.createTopics(create).values().forEach((name, f) -> {
                try {
                    f.get();
                    System.out.println("created " + name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        List<String> old = specs.stream().map(Spec::name).filter(existing::contains).toList();
        if (old.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(old).allTopicNames().get();
        Map<String, NewPartitions> grow = new HashMap<>();
        Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
        for (Spec s : specs) {
            TopicDescription d = described.get(s.name());
            if (d == null) {
                continue;
            }
            if (d.partitions().size() < s.partitions()) {
                grow.put(s.name(), NewPartitions.increaseTo(s.partitions()));
            }
            List<AlterConfigOp> ops = new ArrayList<>();
            configs(s).forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
            alter.put(new ConfigResource(ConfigResource.Type.TOPIC, s.name()), ops);
        }
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get();
            System.out.println("added partitions to " + grow.keySet());
        }
        admin.incrementalAlterConfigs(alter).all().get();
    }

    static Map<String, String> configs(Spec s) {
        Map<String, String> c = new TreeMap<>();
        c.put("retention.ms", s.retentionMs());
        c.put("cleanup.policy", s.cleanupPolicy());
        return c;
    }

    static void print(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            System.out.println("(no topics)");
            return;
        }
        Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get();
        List<ConfigResource> res = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> cfg = admin.describeConfigs(res).all().get();
        System.out.printf("%-34s %10s %3s %14s %s%n", "topic", "partitions", "rf", "retention.ms", "cleanup.policy");
        for (String t : topics) {
            Config c = cfg.get(new ConfigResource(ConfigResource.Type.TOPIC, t));
            System.out.printf("%-34s %10d %3d %14s %s%n", t, d.get(t).partitions().size(),
                    d.get(t).partitions().get(0).replicas().size(),
                    c.get("retention.ms").value(), c.get("cleanup.policy").value());
        }
    }
}
