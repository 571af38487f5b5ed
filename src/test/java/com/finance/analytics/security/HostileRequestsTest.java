package com.finance.analytics.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.finance.analytics.TestFixtures;
import com.finance.analytics.security.SchemaExplorer.Argument;
import com.finance.analytics.security.SchemaExplorer.RootQuery;
import com.finance.analytics.security.SchemaExplorer.TypeRef;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against the real gateway (real HTTP, real Tomcat) serving the real test snapshot built by dbt,
 * with several users. Every root field of the live schema is exercised, found by introspection so that new fields
 * are covered automatically; ownership is measured against the source data, not against the marts under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest {

    private static final String START = "2025-01-01";
    private static final String END = "2026-12-31";
    private static final Set<String> CLIENT_ERROR_CODES = Set.of("BAD_REQUEST", "FORBIDDEN", "NOT_FOUND");
    private static final Set<String> NEEDS_REFRESH_SCOPE = Set.of("refreshRun");
    private static final Set<String> OWNED_ID_NAMES =
            Set.of("userid", "accountid", "connectionid", "tagid", "tagids", "transactionid");
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)\"\\w+\"\\s*(=|in)\\s*\\(?\\?|from\\s+\"\\w+\"\\.\"\\w+\"|limit \\? offset \\?|list_has_any|"
                    + "exception|\\bat (com|org|java)\\.[\\w.$]+\\(|\\.java:\\d|duckdb|sqlstate|"
                    + "(binder|parser|catalog|conversion|invalid input|constraint|out of range) error");

    @LocalServerPort
    private int port;

    private GatewayClient client;
    private SourceOwnership ownership;
    private SchemaExplorer schema;
    private List<RootQuery> everything;
    private final List<String> uncovered = new ArrayList<>();
    private List<SourceOwnership.Owned> callers;
    private Map<String, String> checksumsBefore;
    private final List<String> restUrls = new ArrayList<>();
    private final Map<String, List<String>> restParameters = new HashMap<>();
    private final List<String> restUncovered = new ArrayList<>();
    private final SlowestRequests slowest = new SlowestRequests();

    @DynamicPropertySource
    static void testSnapshot(DynamicPropertyRegistry registry) {
        registry.add("analytics.snapshots-dir", () -> TestFixtures.testSnapshots().toString());
    }

    @BeforeAll
    void readSourceAndSchema() throws Exception {
        checksumsBefore = checksums();
        client = new GatewayClient(port);
        ownership = SourceOwnership.load(TestFixtures.sourceDatabase());
        List<SourceOwnership.Owned> withTags = ownership.users().stream().sorted().map(ownership::of)
                .filter(owned -> !owned.tags().isEmpty()).toList();
        List<SourceOwnership.Owned> withoutTags = ownership.users().stream().sorted().map(ownership::of)
                .filter(owned -> owned.tags().isEmpty() && !owned.isEmpty()).toList();
        callers = Stream.concat(withTags.stream().limit(2), withoutTags.stream().limit(1)).toList();
        assertThat(callers).as("test data needs two users with tags").hasSizeGreaterThanOrEqualTo(2);

        var introspection = client.query(bearer(callers.getFirst()), SchemaExplorer.INTROSPECTION, Map.of());
        assertThat(introspection.status()).isEqualTo(200);
        schema = new SchemaExplorer(introspection.data().path("__schema"));
        everything = schema.readEverything(this::requiredValue, uncovered);
        readRestOperations();
    }

    @Test
    @Order(1)
    void everyRootFieldCanBeExercised() {
        assertThat(uncovered).as("root fields whose required arguments the suite cannot fill").isEmpty();
        assertThat(everything.stream().map(q -> q.field().name()))
                .contains("spendingByTag", "monthlyTrends", "balanceHistory", "datasets");
    }

    @Test
    @Order(2)
    void everyExposedFieldReturnsOnlyTheCallersRows() {
        Map<String, Integer> checkedPerField = new TreeMap<>();
        for (SourceOwnership.Owned caller : callers) {
            for (RootQuery query : everything) {
                String extra = query.argument("limit") == null ? "" : "limit: 10000";
                var response = client.query(bearer(caller), query.render("", extra), Map.of());

                assertThat(response.status()).as(query.field().name()).isEqualTo(200);
                if (NEEDS_REFRESH_SCOPE.contains(query.field().name())) {
                    assertThat(response.errorCodes()).as(query.field().name()).containsExactly("FORBIDDEN");
                    continue;
                }
                assertThat(response.errorMessages()).as(query.field().name()).isEmpty();
                IsolationCheck check = IsolationCheck.of(caller, response.data());
                assertThat(check.foreignValues()).as("%s for %s", query.field().name(), caller.userId()).isEmpty();
                checkedPerField.merge(query.field().name(), check.checkedValues(), Integer::sum);
            }
        }
        everything.stream().filter(query -> selectsOwnedIds(query.selection())).forEach(query ->
                assertThat(checkedPerField.get(query.field().name()))
                        .as("owned ids checked in %s (an empty answer proves nothing)", query.field().name())
                        .isPositive());
    }

    @Test
    @Order(3)
    void refusesAccountAndTagIdsOfAnotherUser() {
        SourceOwnership.Owned me = callers.get(0);
        SourceOwnership.Owned other = callers.get(1);
        int refused = 0;
        for (RootQuery query : everything) {
            for (IdArgument id : idArguments(query)) {
                List<String> mine = List.copyOf(id.owned(me));
                List<String> theirs = List.copyOf(id.owned(other));
                var own = client.query(bearer(me), id.render(query), HostileValues.variables(List.of(mine.getFirst())));
                assertThat(own.errorMessages()).as("%s with own %s", query.field().name(), id.path()).isEmpty();

                for (List<String> ids : List.of(List.of(theirs.getFirst()), List.of(mine.getFirst(), theirs.getFirst()),
                        List.of(UUID.randomUUID().toString()))) {
                    var response = client.query(bearer(me), id.render(query), HostileValues.variables(ids));
                    assertThat(response.errorCodes()).as("%s %s=%s", query.field().name(), id.path(), ids)
                            .containsExactly("FORBIDDEN");
                    assertThat(response.data().path(query.field().name()).isNull()
                            || response.data().path(query.field().name()).isMissingNode()).isTrue();
                    assertThat(String.join(" ", response.errorMessages())).doesNotContain(theirs.getFirst());
                    refused++;
                }
            }
        }
        assertThat(refused).as("fields taking accountIds / tagIds").isGreaterThanOrEqualTo(6 * 3);
    }

    @Test
    @Order(4)
    void hostileArgumentValuesCauseNoServerErrorNoLeakAndNoInternals() {
        SourceOwnership.Owned me = callers.get(0);
        List<UUID> own = me.accounts().stream().map(UUID::fromString).sorted().toList();
        List<UUID> foreign = callers.get(1).accounts().stream().map(UUID::fromString).sorted().toList();
        HostileValues values = new HostileValues(20261124L, own, foreign);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (RootQuery query : everything) {
            for (ArgumentPath path : argumentPaths(query)) {
                for (Object value : values.variableValues(12)) {
                    failures.addAll(problems(Api.GRAPHQL, me, path + " = " + abbreviate(value),
                            String.valueOf(value), client.query(bearer(me), path.renderWithVariable(query),
                                    HostileValues.variables(value))));
                    sent++;
                }
                for (String literal : values.literals(5)) {
                    failures.addAll(problems(Api.GRAPHQL, me, path + " literal " + abbreviate(literal), literal,
                            client.query(bearer(me), path.renderWithLiteral(query, literal), Map.of())));
                    sent++;
                }
                failures.addAll(problems(Api.GRAPHQL, me, path + " as String variable", "' OR 1=1 --",
                        client.query(bearer(me), path.renderWithVariableOfType(query, "String"),
                                HostileValues.variables("' OR 1=1 --"))));
                sent++;
            }
        }
        slowest.report("GraphQL");
        assertThat(sent).isGreaterThanOrEqualTo(500);
        assertThat(failures).as("%d of %d hostile requests misbehaved", failures.size(), sent).isEmpty();
    }

    @Test
    @Order(5)
    void refusesMissingForgedExpiredAndConfusedTokensOverHttp() throws Exception {
        UUID user = callers.getFirst().userId();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("k").generate();
        String[] valid = TestTokens.valid(user).split("\\.");
        String[] other = TestTokens.valid(callers.get(1).userId()).split("\\.");
        List<String> refused = new ArrayList<>(List.of(
                "", "Bearer", "Bearer ", "Basic " + valid[0], "bearer" + TestTokens.valid(user),
                "Bearer " + TestTokens.expired(user), "Bearer " + TestTokens.notYetValid(user),
                "Bearer " + TestTokens.wrongSecret(user), "Bearer " + TestTokens.algNone(user),
                "Bearer " + TestTokens.withoutExpiry(user),
                "Bearer " + TestTokens.rs256(TestTokens.claims(user).build(), rsa),
                "Bearer " + TestTokens.hs256(TestTokens.claims(user).build(), rsa.toPublicKey().getEncoded()),
                "Bearer " + valid[0] + "." + other[1] + "." + valid[2],
                "Bearer " + TestTokens.raw("{\"alg\":\"none\"}", "{\"sub\":\"" + user + "\",\"exp\":9999999999}", ""),
                "Bearer " + "x".repeat(6_000)));
        for (String authorization : refused) {
            var response = client.query(authorization.isEmpty() ? null : authorization,
                    "{ analyticsStatus { available } }", Map.of());
            assertThat(response.status()).as(abbreviate(authorization)).isEqualTo(401);
            assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
        }
        HttpClient http = HttpClient.newHttpClient();
        var health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        var graphiql = http.send(HttpRequest.newBuilder(URI.create(base() + "/graphiql?path=/graphql")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(graphiql.statusCode()).as("the GraphiQL page needs no token").isNotEqualTo(401).isLessThan(500);
    }

    @Test
    @Order(6)
    void refusesOversizedBodiesDeclaredOrChunked() {
        String big = "{\"query\":\"{ analyticsStatus { available } }\",\"padding\":\"" + "x".repeat(70_000) + "\"}";
        String authorization = bearer(callers.getFirst());

        var declared = client.post(authorization, HttpRequest.BodyPublishers.ofString(big));
        var chunked = client.post(authorization, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));

        for (var response : List.of(declared, chunked)) {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.errorCodes()).containsExactly("BAD_REQUEST");
        }
    }

    @Test
    @Order(6)
    void malformedRequestBodiesAreClientErrors() {
        String authorization = bearer(callers.getFirst());
        List<String> bodies = List.of("", "not json", "[]", "{}", "null", "{\"query\":1}", "{\"query\":null}",
                "{\"query\":[\"{ datasets { id } }\"]}", "{\"query\":\"{ datasets { id } }\",\"variables\":\"x\"}",
                "{\"query\":\"{ datasets { id } }\",\"variables\":[1]}",
                "{\"query\":\"{ datasets { id } }\",\"operationName\":5}",
                "{\"query\":\"{ datasets { id } }\",\"extensions\":\"x\"}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"query\":\"{ datasets { id } }\",\"variables\":{\"a\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}}",
                "{\"query\":\"" + "{a".repeat(3_000) + "\"}",
                "{\"query\":\"query { datasets { id } } query { datasets { id } }\"}",
                "{\"query\":\"{ datasets { id } }\u0000\"}", "\uFEFF{\"query\":\"{ datasets { id } }\"}");
        List<String> failures = new ArrayList<>();
        for (String body : bodies) {
            var response = client.post(authorization, HttpRequest.BodyPublishers.ofString(body));
            if (response.status() == 200) {
                failures.addAll(problems(Api.GRAPHQL, callers.getFirst(), "body " + abbreviate(body), body,
                        response));
            } else if (response.status() != 400 || !response.errorCodes().equals(List.of("BAD_REQUEST"))) {
                failures.add("body " + abbreviate(body) + ": HTTP " + response.status() + " "
                        + abbreviate(response.text()));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @Order(7)
    void appliesRequestLimitsToTheGeneratedSchema() {
        String authorization = bearer(callers.getFirst());
        String wide = Stream.iterate(0, i -> i + 1).limit(11).map(i -> "s" + i + ": analyticsStatus { available }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType {"
                + " ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } } } }";
        String ids = Stream.iterate(0, i -> i + 1).limit(101).map(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(","));
        RootQuery spending = everything.stream().filter(q -> q.field().name().equals("spendingByTag")).findFirst()
                .orElseThrow();

        for (String query : List.of(wide, deep, spending.render("", "tagIds: [" + ids + "]"))) {
            var response = client.query(authorization, query, Map.of());
            assertThat(response.errorCodes()).as(query).containsExactly("BAD_REQUEST");
        }
    }

    @Test
    @Order(8)
    void refreshNeedsTheRefreshScope() {
        UUID user = callers.getFirst().userId();
        String run = "{ refreshRun(id: \"" + UUID.randomUUID() + "\") { __typename } }";
        String mutation = "mutation { refreshAnalytics { __typename } }";

        for (String operation : List.of(run, mutation)) {
            assertThat(client.query(TestTokens.bearer(user), operation, Map.of()).errorCodes()).as(operation)
                    .containsExactly("FORBIDDEN");
            assertThat(client.query(TestTokens.bearer(user, "analytics:read", "refresh"), operation, Map.of())
                    .errorCodes()).as(operation).containsExactly("FORBIDDEN");
        }
        assertThat(client.query(TestTokens.bearer(user, Caller.REFRESH_SCOPE), run, Map.of()).errorCodes())
                .doesNotContain("FORBIDDEN", "UNAUTHENTICATED");
    }

    @Test
    @Order(9)
    void everyRestEndpointReturnsOnlyTheCallersRows() {
        assertThat(restUncovered).as("REST operations the suite cannot call").isEmpty();
        int checked = 0;
        for (SourceOwnership.Owned caller : callers) {
            for (String url : restUrls) {
                var response = client.get(bearer(caller), url + (url.contains("?") ? "&" : "?") + limitIfAccepted(url));
                assertThat(response.status()).as(url).isEqualTo(200);
                IsolationCheck check = IsolationCheck.of(caller, response.json());
                assertThat(check.foreignValues()).as("%s for %s", url, caller.userId()).isEmpty();
                checked += check.checkedValues();
            }
        }
        assertThat(checked).as("owned ids checked over REST").isPositive();
        var refresh = client.post(bearer(callers.getFirst()), "/api/analytics/refresh");
        assertThat(refresh.status()).isEqualTo(403);
        assertThat(refresh.problemCode()).isEqualTo("FORBIDDEN");
        var anonymous = client.get(null, restUrls.getFirst());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problemCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    @Order(10)
    void restRefusesForeignIdsAndSurvivesHostileParameters() {
        SourceOwnership.Owned me = callers.get(0);
        SourceOwnership.Owned other = callers.get(1);
        int refused = 0;
        for (String url : restUrls) {
            for (String idParameter : List.of("account_ids", "tag_ids")) {
                if (!accepts(url, idParameter)) {
                    continue;
                }
                Set<String> theirs = idParameter.equals("account_ids") ? other.accounts() : other.tags();
                var response = client.get(bearer(me), with(url, idParameter, theirs.iterator().next()));
                assertThat(response.status()).as("%s %s", url, idParameter).isEqualTo(403);
                assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
                refused++;
            }
        }
        assertThat(refused).as("REST calls taking account_ids / tag_ids").isGreaterThanOrEqualTo(6);

        List<UUID> own = me.accounts().stream().map(UUID::fromString).sorted().toList();
        List<UUID> foreign = other.accounts().stream().map(UUID::fromString).sorted().toList();
        HostileValues values = new HostileValues(1124L, own, foreign);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String url : restUrls) {
            List<String> parameters = new ArrayList<>(restParameters.get(url));
            parameters.add("unexpected_parameter");
            for (String parameter : parameters) {
                for (String value : values.queryValues(8)) {
                    String description = url + " " + parameter + "=" + abbreviate(value);
                    failures.addAll(problems(Api.REST, me, description, value,
                            client.get(bearer(me), with(url, parameter, value))));
                    sent++;
                }
            }
            if (url.contains("/datasets/")) {
                for (String value : values.queryValues(8)) {
                    String hostileUrl = url.replaceFirst("/datasets/[^/]+/", "/datasets/" + encode(value) + "/");
                    failures.addAll(problems(Api.REST, me, "dataset id " + abbreviate(value), value,
                            client.get(bearer(me), hostileUrl)));
                    sent++;
                }
            }
        }
        slowest.report("REST");
        assertThat(sent).isGreaterThanOrEqualTo(300);
        assertThat(failures).as("%d of %d hostile REST calls misbehaved", failures.size(), sent).isEmpty();
    }

    @Test
    @Order(100)
    void leavesTheServedSnapshotUnchanged() throws Exception {
        assertThat(checksums()).isEqualTo(checksumsBefore);
    }

    // ---- hostile request cases

    /** Where a hostile value goes: an argument, or one field of an input-object argument (inside a list if need be). */
    private record ArgumentPath(Argument argument, String inputField, TypeRef valueType, boolean listOfInputs) {

        String renderWithVariable(RootQuery query) {
            return renderWithVariableOfType(query, valueType.sdl());
        }

        String renderWithVariableOfType(RootQuery query, String type) {
            return query.render("$v: " + type, place("$v"));
        }

        String renderWithLiteral(RootQuery query, String literal) {
            return query.render("", place(literal));
        }

        private String place(String value) {
            if (inputField == null) {
                return argument.name() + ": " + value;
            }
            String object = "{" + inputField + ": " + value + "}";
            return argument.name() + ": " + (listOfInputs ? "[" + object + "]" : object);
        }

        @Override
        public String toString() {
            return inputField == null ? argument.name() : argument.name() + "." + inputField;
        }
    }

    private List<ArgumentPath> argumentPaths(RootQuery query) {
        List<ArgumentPath> paths = new ArrayList<>();
        for (Argument argument : query.field().arguments()) {
            paths.add(new ArgumentPath(argument, null, argument.type(), false));
            TypeRef named = argument.type().named();
            boolean list = argument.type().sdl().contains("[");
            for (Argument field : schema.inputFieldsOf(named.name())) {
                paths.add(new ArgumentPath(argument, field.name(), field.type(), list));
            }
        }
        return paths;
    }

    /** An accountIds / tagIds argument, directly on the field or inside its filter. */
    private record IdArgument(ArgumentPath path, boolean accounts) {

        Set<String> owned(SourceOwnership.Owned owner) {
            return accounts ? owner.accounts() : owner.tags();
        }

        String render(RootQuery query) {
            return path.renderWithVariable(query);
        }
    }

    private List<IdArgument> idArguments(RootQuery query) {
        return argumentPaths(query).stream()
                .filter(p -> Set.of("accountIds", "tagIds").contains(p.inputField() == null
                        ? p.argument().name() : p.inputField()))
                .map(p -> new IdArgument(p, (p.inputField() == null ? p.argument().name() : p.inputField())
                        .equals("accountIds")))
                .toList();
    }

    /** How each API answers: the statuses a client error may carry, where codes and data sit in the body. */
    private enum Api {
        GRAPHQL(Set.of(200, 400, 413)) {
            @Override
            List<String> codes(JsonNode body, int status) {
                List<String> codes = new ArrayList<>();
                body.path("errors").forEach(error -> codes.add(error.path("extensions").path("code").asString("")));
                return codes;
            }

            @Override
            JsonNode data(JsonNode body, int status) {
                return body.path("data");
            }
        },
        REST(Set.of(200, 400, 403, 404)) {
            @Override
            List<String> codes(JsonNode body, int status) {
                return status == 200 ? List.of() : List.of(body.path("code").asString(""));
            }

            @Override
            JsonNode data(JsonNode body, int status) {
                return status == 200 ? body : body.path("no data in a problem");
            }
        };

        private final Set<Integer> statuses;

        Api(Set<Integer> statuses) {
            this.statuses = statuses;
        }

        abstract List<String> codes(JsonNode body, int status);

        abstract JsonNode data(JsonNode body, int status);
    }

    /**
     * What is wrong with the answer to a hostile request: a server error, an error without a client code, internals
     * (SQL, stack frames, database messages) other than the client's own input echoed back, or another user's data.
     */
    private List<String> problems(Api api, SourceOwnership.Owned caller, String description, String echoed,
                                  GatewayClient.Response response) {
        slowest.note(description, response.millis());
        List<String> problems = new ArrayList<>();
        int status = response.status();
        if (!api.statuses.contains(status)) {
            problems.add(description + ": HTTP " + status + " " + abbreviate(response.text()));
            return problems;
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException notJson) {
            // Tomcat refuses request lines it cannot parse with a plain 400, before any application code runs
            if (status != 400) {
                problems.add(description + ": unparsable body " + abbreviate(response.text()));
            }
            return problems;
        }
        if (INTERNALS.matcher(withoutEcho(response.text(), echoed)).find()) {
            problems.add(description + ": internals in response " + abbreviate(response.text()));
        }
        for (String code : api.codes(body, status)) {
            if (!CLIENT_ERROR_CODES.contains(code)) {
                problems.add(description + ": error without a client code: " + abbreviate(response.text()));
            }
        }
        JsonNode data = api.data(body, status);
        if (data.isObject() || data.isArray()) {
            List<String> foreign = IsolationCheck.of(caller, data).foreignValues();
            if (!foreign.isEmpty()) {
                problems.add(description + ": foreign values " + foreign.subList(0, Math.min(3, foreign.size())));
            }
        }
        return problems;
    }

    // ---- REST

    /**
     * Every GET operation of the OpenAPI document as a callable URL: the dataset id path parameter expanded to every
     * served dataset, required dates filled in. The query parameters each accepts are kept for the hostile calls.
     */
    private void readRestOperations() {
        var document = client.get(null, "/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        Map<String, List<String>> declaredFilters = new HashMap<>();
        client.get(bearer(callers.getFirst()), "/api/analytics/datasets").json().forEach(dataset -> {
            List<String> filters = new ArrayList<>();
            dataset.path("filters").forEach(filter -> filters.add(filter.asString()));
            declaredFilters.put(dataset.path("id").asString(), filters);
        });
        Set<String> filterNames = Set.of("start_date", "end_date", "account_ids", "tag_ids");
        for (Map.Entry<String, JsonNode> path : document.json().path("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                continue;
            }
            List<String> query = new ArrayList<>();
            List<String> requiredQuery = new ArrayList<>();
            List<String> pathParameters = new ArrayList<>();
            for (JsonNode parameter : get.path("parameters")) {
                String name = parameter.path("name").asString();
                switch (parameter.path("in").asString()) {
                    case "path" -> pathParameters.add(name);
                    case "query" -> {
                        query.add(name);
                        if (parameter.path("required").asBoolean(false)) {
                            requiredQuery.add(name);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (pathParameters.equals(List.of("runId"))) {
                // a refresh run is operator state, not user rows: its scope rule is RestHostileRequestsTest's
                continue;
            }
            Map<String, List<String>> urls = new TreeMap<>();
            if (pathParameters.isEmpty()) {
                urls.put(path.getKey(), query);
            } else if (pathParameters.equals(List.of("id"))) {
                // a dataset takes only the filters it declares; any other is (rightly) a 400
                declaredFilters.forEach((id, declared) -> urls.put(path.getKey().replace("{id}", id), query.stream()
                        .filter(name -> !filterNames.contains(name) || declared.contains(name)).toList()));
            }
            String requiredValues = requiredQuery.stream().map(name -> switch (name) {
                case "start_date" -> name + "=" + START;
                case "end_date" -> name + "=" + END;
                default -> null;
            }).collect(Collectors.joining("&"));
            if (urls.isEmpty() || requiredValues.contains("null")) {
                restUncovered.add(path.getKey());
                continue;
            }
            urls.forEach((url, accepted) -> {
                String full = requiredValues.isEmpty() ? url : url + "?" + requiredValues;
                restUrls.add(full);
                restParameters.put(full, accepted);
            });
        }
    }

    private boolean accepts(String url, String parameter) {
        return restParameters.getOrDefault(url, List.of()).contains(parameter);
    }

    private String limitIfAccepted(String url) {
        return accepts(url, "limit") ? "limit=10000" : "";
    }

    /** The URL with {@code parameter} set to {@code value} (replacing a value the URL already carries). */
    private static String with(String url, String parameter, String value) {
        String withoutIt = url.replaceAll("([?&])" + parameter + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return withoutIt + (withoutIt.contains("?") ? "&" : "?") + parameter + "=" + encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- helpers

    /** The slowest hostile requests, printed for whoever looks for an expensive input (reported, never asserted). */
    private static final class SlowestRequests {

        private final TreeMap<Long, String> byMillis = new TreeMap<>();

        void note(String description, long millis) {
            byMillis.put(millis, description);
            if (byMillis.size() > 5) {
                byMillis.pollFirstEntry();
            }
        }

        void report(String api) {
            System.out.println("Slowest hostile " + api + " requests (ms): " + byMillis.descendingMap());
            byMillis.clear();
        }
    }

    private String requiredValue(String fieldName, Argument argument) {
        String type = argument.type().named().name();
        return switch (argument.name()) {
            case "startDate" -> type.equals("Date") ? "\"" + START + "\"" : null;
            case "endDate" -> type.equals("Date") ? "\"" + END + "\"" : null;
            case "id" -> switch (fieldName) {
                case "dataset" -> "\"fct_transactions\"";
                case "refreshRun" -> "\"" + UUID.randomUUID() + "\"";
                default -> null;
            };
            default -> null;
        };
    }

    private static boolean selectsOwnedIds(String selection) {
        return Stream.of(selection.split("[ {}]+")).map(IsolationCheck::normalized).anyMatch(OWNED_ID_NAMES::contains);
    }

    /** The response with the client's own input (raw, JSON-escaped, or as a literal's content) taken out. */
    private static String withoutEcho(String text, String echoed) {
        String result = text;
        String json = GatewayClient.JSON.writeValueAsString(echoed);
        for (String form : List.of(json.substring(1, json.length() - 1), echoed, unquoted(echoed))) {
            if (form.length() > 2) {
                result = result.replace(form, "<input>");
            }
        }
        return result;
    }

    private static String unquoted(String literal) {
        try {
            return Objects.requireNonNullElse(GatewayClient.JSON.readValue(literal, String.class), literal);
        } catch (RuntimeException notAJsonString) {
            return literal;
        }
    }

    private static String bearer(SourceOwnership.Owned caller) {
        return TestTokens.bearer(caller.userId());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
    }

    /** Every file of the served snapshot (published snapshots are immutable, so any change is the gateway's doing). */
    private static Map<String, String> checksums() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        Path served = TestFixtures.currentTestSnapshot();
        try (Stream<Path> files = Files.walk(served)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(served.relativize(file).toString(), sha256(file));
            }
        }
        return sums;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
