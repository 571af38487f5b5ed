package com.finance.analytics.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import com.finance.analytics.security.GatewaySurface.IdArgument;
import com.finance.analytics.security.SchemaExplorer.RootQuery;
import org.junit.jupiter.api.Test;

import static com.finance.analytics.security.GatewaySurface.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every root field of the live schema and every REST endpoint, called over real HTTP by
 * several users of the real test snapshot, answers with the caller's rows only and
 * refuses another user's account and tag ids.
 */
class CallerIsolationTest extends HostileRequests {

	private static final Set<String> NEEDS_REFRESH_SCOPE = Set.of("refreshRun");

	private static final Set<String> OWNED_ID_NAMES = Set.of("userid", "accountid", "connectionid", "tagid", "tagids",
			"transactionid");

	@Test
	void everyRootFieldCanBeExercised() {
		assertThat(surface.uncovered()).as("root fields whose required arguments the suite cannot fill").isEmpty();
		assertThat(surface.everything().stream().map(q -> q.field().name())).contains("spendingByTag", "monthlyTrends",
				"balanceHistory", "datasets");
	}

	@Test
	void everyExposedFieldReturnsOnlyTheCallersRows() {
		Map<String, Integer> checkedPerField = new TreeMap<>();
		for (SourceOwnership.Owned caller : surface.callers()) {
			for (RootQuery query : surface.everything()) {
				String extra = query.argument("limit") == null ? "" : "limit: 10000";
				var response = http.graphQl(bearer(caller), query.render("", extra), Map.of());

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
		surface.everything()
			.stream()
			.filter(query -> selectsOwnedIds(query.selection()))
			.forEach(query -> assertThat(checkedPerField.get(query.field().name()))
				.as("owned ids checked in %s (an empty answer proves nothing)", query.field().name())
				.isPositive());
	}

	@Test
	void accountAndTagIdsOfAnotherUserAreForbidden() {
		SourceOwnership.Owned me = surface.me();
		SourceOwnership.Owned other = surface.other();
		int refused = 0;
		for (RootQuery query : surface.everything()) {
			for (IdArgument id : surface.idArguments(query)) {
				List<String> mine = List.copyOf(id.owned(me));
				List<String> theirs = List.copyOf(id.owned(other));
				var own = http.graphQl(bearer(me), id.render(query), HostileValues.variables(List.of(mine.getFirst())));
				assertThat(own.errorMessages()).as("%s with own %s", query.field().name(), id.path()).isEmpty();

				for (List<String> ids : List.of(List.of(theirs.getFirst()), List.of(mine.getFirst(), theirs.getFirst()),
						List.of(UUID.randomUUID().toString()))) {
					var response = http.graphQl(bearer(me), id.render(query), HostileValues.variables(ids));
					assertThat(response.errorCodes()).as("%s %s=%s", query.field().name(), id.path(), ids)
						.containsExactly("FORBIDDEN");
					assertThat(response.data().path(query.field().name()).isNull()
							|| response.data().path(query.field().name()).isMissingNode())
						.isTrue();
					assertThat(String.join(" ", response.errorMessages())).doesNotContain(theirs.getFirst());
					refused++;
				}
			}
		}
		assertThat(refused).as("fields taking accountIds / tagIds").isGreaterThanOrEqualTo(6 * 3);
	}

	@Test
	void everyRestEndpointReturnsOnlyTheCallersRows() {
		assertThat(surface.restUncovered()).as("REST operations the suite cannot call").isEmpty();
		int checked = 0;
		for (SourceOwnership.Owned caller : surface.callers()) {
			for (String url : surface.restUrls()) {
				var response = http.get(bearer(caller),
						url + (url.contains("?") ? "&" : "?") + surface.limitIfAccepted(url));
				assertThat(response.status()).as(url).isEqualTo(200);
				IsolationCheck check = IsolationCheck.of(caller, response.json());
				assertThat(check.foreignValues()).as("%s for %s", url, caller.userId()).isEmpty();
				checked += check.checkedValues();
			}
		}
		assertThat(checked).as("owned ids checked over REST").isPositive();
		var refresh = http.post(bearer(surface.me()), "/api/analytics/refresh");
		assertThat(refresh.status()).isEqualTo(403);
		assertThat(refresh.problemCode()).isEqualTo("FORBIDDEN");
		var anonymous = http.get(null, surface.restUrls().getFirst());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.problemCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void restAccountAndTagIdsOfAnotherUserAreForbidden() {
		SourceOwnership.Owned other = surface.other();
		int refused = 0;
		for (String url : surface.restUrls()) {
			for (String idParameter : List.of("account_ids", "tag_ids")) {
				if (!surface.accepts(url, idParameter)) {
					continue;
				}
				Set<String> theirs = idParameter.equals("account_ids") ? other.accounts() : other.tags();
				var response = http.get(bearer(surface.me()),
						GatewaySurface.with(url, idParameter, theirs.iterator().next()));
				assertThat(response.status()).as("%s %s", url, idParameter).isEqualTo(403);
				assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
				refused++;
			}
		}
		assertThat(refused).as("REST calls taking account_ids / tag_ids").isGreaterThanOrEqualTo(6);
	}

	private static boolean selectsOwnedIds(String selection) {
		return Stream.of(selection.split("[ {}]+")).map(IsolationCheck::normalized).anyMatch(OWNED_ID_NAMES::contains);
	}

}
