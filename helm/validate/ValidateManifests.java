import com.google.gson.Gson;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Offline validation of rendered Kubernetes manifests (no API server here, so kubectl cannot validate).
 *
 * 1. Schema: every built-in object is parsed with the client-java model of its apiVersion/kind; fromJson rejects
 *    unknown fields at any depth, missing required fields and wrong types. CRDs (ServiceMonitor) are only counted.
 * 2. References inside the file: envFrom ConfigMaps, ServiceAccounts, Services' selectors, HPA/PDB targets,
 *    Ingress backends must exist; volumeMounts name a volume of the pod; ConfigMap/Secret volumes' items name keys
 *    the object has. Secrets and ConfigMaps not in the file are listed as "external" (existingSecret, existingConfigMap).
 *
 * Usage: java -cp <client-java-api classpath> ValidateManifests.java FILE...   (exit 1 on any error)
 */
public class ValidateManifests {
  static final Gson GSON = new Gson();
  static final List<String> errors = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    for (String file : args) {
      int before = errors.size();
      List<Map<String, Object>> docs;
      try {
        docs = load(Path.of(file));
      } catch (RuntimeException e) { // YAML syntax, duplicate keys
        errors.add(file + ": not loadable: " + e.getMessage().replaceAll("\\s+", " "));
        continue;
      }
      int checked = 0, skipped = 0;
      for (Map<String, Object> doc : docs) {
        if (checkSchema(file, doc)) checked++; else skipped++;
      }
      checkReferences(file, docs);
      System.out.printf("%s: %d objects schema-checked, %d custom resources skipped, %d errors%n",
          file, checked, skipped, errors.size() - before);
    }
    errors.forEach(e -> System.out.println("ERROR " + e));
    System.exit(errors.isEmpty() ? 0 : 1);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> load(Path path) throws Exception {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false); // a duplicated key would silently drop a value in the API server
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml(options).loadAll(Files.readString(path))) {
      if (doc != null) docs.add((Map<String, Object>) doc);
    }
    return docs;
  }

  static String id(Map<String, Object> doc) {
    return doc.get("kind") + "/" + str(doc, "metadata", "name");
  }

  /** Returns false for kinds without a built-in model (custom resources). */
  static boolean checkSchema(String file, Map<String, Object> doc) {
    String apiVersion = String.valueOf(doc.get("apiVersion"));
    String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1); // apps/v1 -> v1
    String className = "io.kubernetes.client.openapi.models."
        + Character.toUpperCase(version.charAt(0)) + version.substring(1) + doc.get("kind");
    Class<?> model;
    try {
      model = Class.forName(className);
    } catch (ClassNotFoundException e) {
      if (apiVersion.contains(".") && !apiVersion.contains("k8s.io")) return false; // CRD group
      errors.add(file + ": " + id(doc) + ": unknown apiVersion/kind " + apiVersion + " " + doc.get("kind"));
      return true;
    }
    if (str(doc, "metadata", "name") == null) errors.add(file + ": " + id(doc) + ": metadata.name missing");
    try {
      model.getMethod("fromJson", String.class).invoke(null, GSON.toJson(doc));
    } catch (InvocationTargetException e) {
      errors.add(file + ": " + id(doc) + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return true;
  }

  static void checkReferences(String file, List<Map<String, Object>> docs) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    docs.forEach(d -> byId.put(id(d), d));
    Set<String> external = new TreeSet<>();
    for (Map<String, Object> d : docs) {
      String me = file + ": " + id(d);
      switch (String.valueOf(d.get("kind"))) {
        case "Deployment" -> {
          Map<String, Object> pod = map(d, "spec", "template", "spec");
          String sa = str(pod, "serviceAccountName");
          if (sa != null && !sa.equals("default") && !byId.containsKey("ServiceAccount/" + sa))
            errors.add(me + ": ServiceAccount " + sa + " not in the manifests");
          if (!map(d, "spec", "selector", "matchLabels").entrySet()
              .stream().allMatch(e -> e.getValue().equals(map(d, "spec", "template", "metadata", "labels").get(e.getKey()))))
            errors.add(me + ": selector does not match the pod template labels");
          Set<String> volumes = new HashSet<>();
          for (Map<String, Object> v : list(pod, "volumes")) {
            volumes.add(str(v, "name"));
            for (String kind : List.of("ConfigMap", "Secret")) {
              Map<String, Object> src = map(v, kind.equals("Secret") ? "secret" : "configMap");
              String name = str(src, kind.equals("Secret") ? "secretName" : "name");
              if (name == null) continue;
              Map<String, Object> obj = byId.get(kind + "/" + name);
              for (Map<String, Object> item : list(src, "items")) {
                String key = str(item, "key");
                if (obj == null) external.add(kind + " " + name + "[" + key + "]");
                else if (!map(obj, "data").containsKey(key) && !map(obj, "stringData").containsKey(key))
                  errors.add(me + ": volume " + str(v, "name") + ": " + kind + " " + name + " has no key " + key);
              }
            }
          }
          for (Map<String, Object> c : list(pod, "containers")) {
            for (Map<String, Object> m : list(c, "volumeMounts"))
              if (!volumes.contains(str(m, "name"))) errors.add(me + ": volumeMount " + str(m, "name") + " has no volume");
            for (Map<String, Object> ef : list(c, "envFrom")) {
              String cm = str(ef, "configMapRef", "name");
              if (cm != null && !byId.containsKey("ConfigMap/" + cm)) errors.add(me + ": ConfigMap " + cm + " missing");
            }
            for (Map<String, Object> env : list(c, "env")) {
              String secret = str(env, "valueFrom", "secretKeyRef", "name");
              String key = str(env, "valueFrom", "secretKeyRef", "key");
              if (secret == null) continue;
              Map<String, Object> s = byId.get("Secret/" + secret);
              if (s == null) external.add("Secret " + secret + "[" + key + "]");
              else if (!map(s, "data").containsKey(key) && !map(s, "stringData").containsKey(key))
                errors.add(me + ": Secret " + secret + " has no key " + key);
            }
          }
        }
        case "Service" -> {
          Map<String, Object> selector = map(d, "spec", "selector");
          boolean matches = docs.stream().filter(o -> "Deployment".equals(o.get("kind")))
              .anyMatch(o -> map(o, "spec", "template", "metadata", "labels").entrySet().containsAll(selector.entrySet()));
          if (!matches) errors.add(me + ": selector matches no Deployment's pods");
        }
        case "HorizontalPodAutoscaler" -> {
          String target = str(d, "spec", "scaleTargetRef", "name");
          if (!byId.containsKey("Deployment/" + target)) errors.add(me + ": target Deployment " + target + " missing");
          if (map(byId.getOrDefault("Deployment/" + target, Map.of()), "spec").containsKey("replicas"))
            errors.add(me + ": Deployment " + target + " sets replicas although an HPA owns them");
        }
        case "Ingress" -> {
          for (Map<String, Object> rule : list(map(d, "spec"), "rules"))
            for (Map<String, Object> p : list(map(rule, "http"), "paths")) {
              String svc = str(p, "backend", "service", "name");
              if (!byId.containsKey("Service/" + svc)) errors.add(me + ": backend Service " + svc + " missing");
            }
        }
        default -> { }
      }
    }
    if (!external.isEmpty()) System.out.println(file + ": expected to exist beforehand: " + external);
  }

  // --- tiny accessors for the untyped YAML tree ---
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> m, String... path) {
    Object cur = m;
    for (String p : path) {
      if (!(cur instanceof Map)) return Map.of();
      cur = ((Map<String, Object>) cur).get(p);
    }
    return cur instanceof Map ? (Map<String, Object>) cur : Map.of();
  }

  static String str(Map<String, Object> m, String... path) {
    Map<String, Object> parent = map(m, Arrays.copyOf(path, path.length - 1));
    Object v = parent.get(path[path.length - 1]);
    return v == null ? null : v.toString();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof List ? (List<Map<String, Object>>) v : List.of();
  }
}
