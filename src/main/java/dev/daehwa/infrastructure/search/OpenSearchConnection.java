package dev.daehwa.infrastructure.search;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.opensearch.client.json.jsonb.JsonbJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The HTTP connection to OpenSearch, through the opensearch-java client's transport. Requests
 * are plain JSON (the generic client): the index uses a handful of endpoints, and JSON-P keeps
 * the WAR free of a second JSON binding next to Payara's.
 *
 * <p>{@code DAEHWA_SEARCH_URL} is the base address, such as {@code http://opensearch:9200} or
 * {@code https://user:password@search.example.com:9200}; user and password there become basic
 * authentication and never reach a log.
 */
final class OpenSearchConnection implements AutoCloseable {

    /** The JSON-P provider, found once rather than per call as {@code Json.createXxx} would. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient client;
    private final String location;

    private OpenSearchConnection(ApacheHttpClient5Transport transport, String location) {
        this.transport = transport;
        this.client = new OpenSearchGenericClient(transport);
        this.location = location;
    }

    static OpenSearchConnection to(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("DAEHWA_SEARCH_URL must be an http(s) address, such as http://opensearch:9200");
        }
        int port = uri.getPort() == -1 ? (uri.getScheme().equals("https") ? 443 : 80) : uri.getPort();
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder
                .builder(new HttpHost(uri.getScheme(), uri.getHost(), port))
                .setMapper(new JsonbJsonpMapper());
        if (uri.getPath() != null && !uri.getPath().isBlank() && !uri.getPath().equals("/")) {
            builder.setPathPrefix(uri.getPath());
        }
        if (uri.getRawUserInfo() != null) {
            String credentials = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))});
        }
        return new OpenSearchConnection(builder.build(), uri.getScheme() + "://" + uri.getHost() + ":" + port);
    }

    String location() {
        return location;
    }

    /** The JSON answer of a request that must succeed. */
    JsonObject send(String method, String path, Body body) throws IOException {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path);
        if (body != null) {
            request.body(body);
        }
        try (Response response = client.execute(request.build())) {
            String text = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() >= 300) {
                throw new IOException("OpenSearch answered " + method + " " + path + " with " + response.getStatus()
                        + ": " + abbreviated(text));
            }
            return parse(text);
        }
    }

    /** The JSON answer, or empty when OpenSearch has no such thing (404). */
    Optional<JsonObject> get(String path) throws IOException {
        try (Response response = client.execute(Requests.builder().method("GET").endpoint(path).build())) {
            String text = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() >= 300) {
                throw new IOException("OpenSearch answered GET " + path + " with " + response.getStatus() + ": "
                        + abbreviated(text));
            }
            return Optional.of(parse(text));
        }
    }

    boolean exists(String path) throws IOException {
        try (Response response = client.execute(Requests.builder().method("HEAD").endpoint(path).build())) {
            return response.getStatus() == 200;
        }
    }

    /** Deletes what is there; nothing there is fine too. */
    void delete(String path) throws IOException {
        try (Response response = client.execute(Requests.builder().method("DELETE").endpoint(path).build())) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                throw new IOException("OpenSearch answered DELETE " + path + " with " + response.getStatus());
            }
        }
    }

    /** Creates an index; another node creating it at the same moment is fine too. */
    void createIndex(String name, JsonObject definition) throws IOException {
        try (Response response = client.execute(Requests.builder().method("PUT").endpoint("/" + name)
                .json(definition).build())) {
            String text = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() >= 300 && !text.contains("resource_already_exists_exception")) {
                throw new IOException("OpenSearch could not create the index " + name + ": " + abbreviated(text));
            }
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
