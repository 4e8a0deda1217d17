package dev.daehwa;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daehwa.infrastructure.auth.LoginCookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files (Dockerfile, docker-compose.yml, Procfile, system.properties) checked as
 * far as a machine without a Docker engine can: they parse, they configure the app only through
 * variables it really reads, and each of those variables is documented. A renamed variable, or
 * a typo in the compose file, fails here instead of in someone's deployment.
 */
class DeploymentFilesTest {

    private static final Pattern VARIABLE = Pattern.compile("\"((?:DAEHWA_[A-Z_]+)|DATABASE_URL|PORT)\"");

    /** Every environment variable the app reads, found in its sources. */
    private static Set<String> variablesTheAppReads() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = VARIABLE.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    @Test
    void theAppReadsItsSettingsAndTheReadmeDocumentsEachOne() throws IOException {
        Set<String> read = variablesTheAppReads();
        assertTrue(read.containsAll(Set.of("DAEHWA_DB_URL", "DAEHWA_SMTP_HOST", "DAEHWA_BASE_URL", "DATABASE_URL")), read::toString);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertAll(read.stream().map(variable -> () -> assertTrue(readme.contains("`" + variable + "`"),
                variable + " is read by the app but not documented in the README")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileParsesAndSetsOnlyVariablesTheAppReads() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertEquals(Set.of("app", "postgres", "mailpit"), services.keySet().stream()
                .filter(name -> !((Map<String, Object>) services.get(name)).containsKey("profiles"))
                .collect(Collectors.toSet()), "the default services");

        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        Set<String> read = variablesTheAppReads();
        assertAll(environment.keySet().stream().map(variable -> () -> assertTrue(read.contains(variable),
                "docker-compose.yml sets " + variable + ", which the app never reads")));
        assertTrue(environment.keySet().containsAll(List.of("DAEHWA_DB_URL", "DAEHWA_DB_USER", "DAEHWA_DB_PASSWORD",
                "DAEHWA_SMTP_HOST", "DAEHWA_SMTP_PORT", "DAEHWA_BASE_URL", "DAEHWA_DATA_DIR")), environment::toString);
        assertTrue(environment.get("DAEHWA_DB_URL").toString().contains("//postgres:5432/"), "the app uses the compose PostgreSQL");
        assertTrue(environment.get("DAEHWA_SMTP_HOST").toString().equals("mailpit"), "and its Mailpit");

        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        assertTrue(((List<String>) postgres.get("volumes")).stream().anyMatch(v -> v.endsWith(":/var/lib/postgresql/data")),
                "PostgreSQL keeps its data in a volume");
        assertTrue(((Map<String, Object>) compose.get("volumes")).containsKey("postgres-data"));
    }

    /**
     * The cluster profile: two nodes that form a cluster over PostgreSQL under distinct names,
     * behind the repository's nginx configuration, whose upstreams are exactly those nodes and
     * whose affinity follows the app's login cookie.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theClusterProfileRunsTwoNodesBehindTheRepositorysLoadBalancer() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Set<String> read = variablesTheAppReads();
        List<String> nodes = List.of("app-1", "app-2");
        Set<Object> names = new java.util.HashSet<>();
        for (String node : nodes) {
            Map<String, Object> service = (Map<String, Object>) services.get(node);
            assertEquals(List.of("cluster"), service.get("profiles"), node);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertEquals("postgres", environment.get("DAEHWA_CLUSTER"), node);
            assertTrue(environment.get("DAEHWA_DB_URL").toString().contains("//postgres:5432/"), node);
            names.add(environment.get("DAEHWA_NODE_NAME"));
            assertEquals("http://opensearch:9200", environment.get("DAEHWA_SEARCH_URL"), node + " searches the shared index");
            assertAll(environment.keySet().stream().map(variable -> () -> assertTrue(read.contains(variable),
                    node + " sets " + variable + ", which the app never reads")));
        }
        assertEquals(2, names.size(), "each node has its own name");
        Map<String, Object> openSearch = (Map<String, Object>) services.get("opensearch");
        assertEquals(List.of("cluster"), openSearch.get("profiles"));
        assertTrue(openSearch.get("image").toString().startsWith("opensearchproject/opensearch:"), "a stock OpenSearch image");
        assertTrue(((List<String>) openSearch.get("volumes")).stream().anyMatch(v -> v.endsWith(":/usr/share/opensearch/data")),
                "OpenSearch keeps its index in a volume");

        Map<String, Object> lb = (Map<String, Object>) services.get("lb");
        assertEquals(List.of("cluster"), lb.get("profiles"));
        String mount = ((List<String>) lb.get("volumes")).getFirst();
        assertTrue(mount.startsWith("./server-config/nginx-cluster.conf:"), mount);
        String nginx = Files.readString(Path.of("server-config/nginx-cluster.conf"), StandardCharsets.UTF_8);
        assertEquals(nodes.stream().map(node -> node + ":8080").toList(), nginx.lines().map(String::strip)
                .filter(line -> line.startsWith("server ") && line.endsWith(";")).map(line -> line.split("\\s+")[1]).toList(),
                "nginx balances exactly the cluster's nodes");
        assertTrue(nginx.contains("hash $daehwa_affinity consistent;")
                        && nginx.contains("map $cookie_" + LoginCookie.NAME + " $daehwa_affinity"),
                "affinity follows the app's login cookie, " + LoginCookie.NAME);
        assertTrue(nginx.contains("proxy_set_header Upgrade $http_upgrade;"), "WebSockets pass through");
        assertTrue(nginx.contains("proxy_set_header Host $http_host;"), "the Host the Origin check compares with");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        try (var reader = Files.newBufferedReader(Path.of("docker-compose.yml"), StandardCharsets.UTF_8)) {
            return new Yaml(options).load(reader);
        }
    }

    @Test
    void theImageIsBuiltInTwoStagesAndRunsUnprivilegedWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
        List<String> stages = dockerfile.lines().filter(line -> line.startsWith("FROM ")).toList();
        assertEquals(2, stages.size(), "build stage and runtime stage: " + stages);
        assertTrue(stages.get(0).contains("maven") && stages.get(0).contains("21"), stages.get(0));
        assertTrue(stages.get(1).contains("21-jre"), "a JRE, not a JDK, at run time: " + stages.get(1));
        String user = dockerfile.lines().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertFalse(user.equals("USER root") || user.equals("USER 0"), user);
        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/health"), "health check on /health");
        assertTrue(dockerfile.contains("MaxRAMPercentage"), "memory follows the container's limit");
        assertTrue(dockerfile.contains("--port \\\"$PORT\\\""), "listens on $PORT");
        assertTrue(dockerfile.contains("server-config/post-boot-commands.asadmin"), "uses server-config/");
    }

    @Test
    void herokuStartsTheSameServerOnItsPortWithJava21() throws IOException {
        String procfile = Files.readString(Path.of("Procfile"), StandardCharsets.UTF_8).strip();
        assertTrue(procfile.startsWith("web: java "), procfile);
        assertTrue(procfile.contains("--port $PORT") && procfile.contains("target/daehwa.war")
                && procfile.contains("server-config/post-boot-commands.asadmin"), procfile);
        String system = Files.readString(Path.of("system.properties"), StandardCharsets.UTF_8);
        assertTrue(system.lines().anyMatch("java.runtime.version=21"::equals), system);
    }
}
