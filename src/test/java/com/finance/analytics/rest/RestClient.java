package com.finance.analytics.rest;

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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a running gateway over real HTTP, REST and GraphQL side by side. Numbers are read as exact decimals, so two
 * answers are equal only when they carry the same digits (140.00 is not 140.0).
 */
final class RestClient {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** GET {@code pathAndQuery} (already encoded), with the given Authorization header value or none. */
    Response get(String pathAndQuery, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET(), authorization);
    }

    Response post(String pathAndQuery, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()),
                authorization);
    }

    Response graphQl(String authorization, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), authorization);
    }

    private Response send(HttpRequest.Builder request, String authorization) {
        request.timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String contentType, String text) {

        JsonNode json() {
            return JSON.readTree(text);
        }

        /** The {@code code} member of a problem detail. */
        String problemCode() {
            return json().path("code").asString("");
        }

        List<String> graphQlErrorCodes() {
            List<String> codes = new ArrayList<>();
            json().path("errors").forEach(error -> codes.add(error.path("extensions").path("code").asString("")));
            return codes;
        }
    }
}
