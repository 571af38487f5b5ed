package com.finance.analytics.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Walks a response (GraphQL data or a REST body) and lists every value that is not the
 * caller's: a {@code userId} other than theirs, or an account, connection, tag or
 * transaction id outside what they own in the source data. It also counts how many such
 * values it checked, so a test can tell "nothing foreign" from "nothing returned".
 */
final class IsolationCheck {

	/**
	 * By field name without underscores, lower case: GraphQL says {@code accountId}, REST
	 * {@code account_id}.
	 */
	private static final Map<String, Function<SourceOwnership.Owned, Set<String>>> OWNED_ID_FIELDS = Map.of("accountid",
			SourceOwnership.Owned::accounts, "connectionid", SourceOwnership.Owned::connections, "tagid",
			SourceOwnership.Owned::tags, "tagids", SourceOwnership.Owned::tags, "transactionid",
			SourceOwnership.Owned::transactions);

	private final SourceOwnership.Owned caller;

	private final List<String> foreign = new ArrayList<>();

	private int checked;

	private IsolationCheck(SourceOwnership.Owned caller) {
		this.caller = caller;
	}

	static IsolationCheck of(SourceOwnership.Owned caller, JsonNode data) {
		IsolationCheck check = new IsolationCheck(caller);
		check.walk("data", data);
		return check;
	}

	List<String> foreignValues() {
		return foreign;
	}

	int checkedValues() {
		return checked;
	}

	private void walk(String path, JsonNode node) {
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(path + "[" + i + "]", node.get(i));
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String fieldPath = path + "." + field.getKey();
				checkField(fieldPath, field.getKey(), field.getValue());
				walk(fieldPath, field.getValue());
			}
		}
	}

	static String normalized(String fieldName) {
		return fieldName.replace("_", "").toLowerCase(Locale.ROOT);
	}

	private void checkField(String path, String fieldName, JsonNode value) {
		if (value.isNull()) {
			return;
		}
		String name = normalized(fieldName);
		if (name.equals("userid")) {
			checked++;
			if (!caller.userId().toString().equalsIgnoreCase(value.asString())) {
				foreign.add(path + "=" + value);
			}
			return;
		}
		var owned = OWNED_ID_FIELDS.get(name);
		if (owned == null) {
			return;
		}
		Set<String> mine = owned.apply(caller);
		List<JsonNode> values = new ArrayList<>();
		if (value.isArray()) {
			value.forEach(values::add);
		}
		else {
			values.add(value);
		}
		for (JsonNode id : values) {
			checked++;
			if (!mine.contains(id.asString().toLowerCase())) {
				foreign.add(path + "=" + id);
			}
		}
	}

}
