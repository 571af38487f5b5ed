package com.finance.analytics.documents;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;

/**
 * Tells, before or without running a request, whether the operation it selects changes or
 * streams something (a mutation or a subscription) rather than reads.
 */
public final class Operations {

	private Operations() {
	}

	/**
	 * Whether {@code operationName} (or the only operation) of {@code document} is a
	 * mutation or a subscription; a document that does not parse is not (execution
	 * reports it). Only a document with one of the keywords is parsed: such an operation
	 * cannot be written without it, and parsing every request twice would cost each
	 * query.
	 */
	public static boolean isMutationOrSubscription(String document, String operationName) {
		if (!document.contains("mutation") && !document.contains("subscription")) {
			return false;
		}
		Document parsed;
		try {
			parsed = Parser.parse(document);
		}
		catch (InvalidSyntaxException e) {
			return false;
		}
		List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
		return operations.stream()
			.filter(operation -> operationName == null ? operations.size() == 1
					: operationName.equals(operation.getName()))
			.anyMatch(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY);
	}

}
