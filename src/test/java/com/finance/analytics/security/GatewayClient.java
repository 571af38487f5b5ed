package com.finance.analytics.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running gateway over real HTTP, the way a client does. */
final class GatewayClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Generous: the suite shares two cores with whatever else runs; it measures behaviour, not speed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final URI graphql;

    GatewayClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.graphql = URI.create(base + "/graphql");
    }

    /** A POST without a body to a REST path. */
    Response post(String authorization, String path) {
        return send(authorization, HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A GET of {@code pathAndQuery} (already encoded), with the given {@code Authorization} header if not null. */
    Response get(String authorization, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT).GET();
        return send(authorization, request);
    }

    Response query(String authorization, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return post(authorization, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    Response post(String authorization, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(body);
        return send(authorization, request);
    }

    private Response send(String authorization, HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException("request to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, body and duration of one HTTP exchange; the body parsed lazily since a refusal need not be JSON. */
    record Response(int status, String text, long millis) {

        JsonNode json() {
            return JSON.readTree(text);
        }

        JsonNode data() {
            return json().path("data");
        }

        List<String> errorCodes() {
            List<String> codes = new ArrayList<>();
            json().path("errors").forEach(error -> codes.add(error.path("extensions").path("code").asString("")));
            return codes;
        }

        /** The {@code code} of a REST problem detail, empty when the body is none. */
        String problemCode() {
            return json().path("code").asString("");
        }

        List<String> errorMessages() {
            List<String> messages = new ArrayList<>();
            json().path("errors").forEach(error -> messages.add(error.path("message").asString("")));
            return messages;
        }
    }
}
