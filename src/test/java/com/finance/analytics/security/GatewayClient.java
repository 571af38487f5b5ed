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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI graphql;

    GatewayClient(int port) {
        this.graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    Response query(String authorization, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return post(authorization, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    Response post(String authorization, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + graphql + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and body of one HTTP exchange; the body parsed lazily since a refusal need not be JSON. */
    record Response(int status, String text) {

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

        List<String> errorMessages() {
            List<String> messages = new ArrayList<>();
            json().path("errors").forEach(error -> messages.add(error.path("message").asString("")));
            return messages;
        }
    }
}
