package com.finance.analytics.schema;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The extended {@code UUID} scalar, but strict: its parser is Java's lenient
 * {@link UUID#fromString}, which reads {@code 1-1-1-1-1} as
 * {@code 00000001-0001-0001-0001-000000000001}; here only the canonical 8-4-4-4-12 hex
 * form (either case) is an id, as on the REST API.
 */
final class StrictUuidCoercing implements Coercing<UUID, String> {

	static final GraphQLScalarType UUID_SCALAR = GraphQLScalarType.newScalar(ExtendedScalars.UUID)
		.coercing(new StrictUuidCoercing())
		.build();

	private static final Pattern CANONICAL = Pattern
		.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

	private static final String NOT_A_STRING = "expected a UUID: a string such as \"6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7\"";

	@SuppressWarnings("unchecked")
	private final Coercing<UUID, String> lenient = (Coercing<UUID, String>) ExtendedScalars.UUID.getCoercing();

	@Override
	public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
		return lenient.serialize(value, context, locale);
	}

	@Override
	public UUID parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
		if (input instanceof UUID id) {
			return id;
		}
		if (!(input instanceof String text)) {
			throw new CoercingParseValueException(NOT_A_STRING);
		}
		if (!isCanonical(text)) {
			throw new CoercingParseValueException(invalid(text));
		}
		return UUID.fromString(text);
	}

	@Override
	public UUID parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
			throws CoercingParseLiteralException {
		if (!(input instanceof StringValue text)) {
			// the extended scalar would name a Java class here ("Expected a
			// 'java.util.UUID' AST type object")
			throw new CoercingParseLiteralException(NOT_A_STRING);
		}
		if (!isCanonical(text.getValue())) {
			throw new CoercingParseLiteralException(invalid(text.getValue()));
		}
		return UUID.fromString(text.getValue());
	}

	@Override
	public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
		return lenient.valueToLiteral(input, context, locale);
	}

	static boolean isCanonical(String text) {
		return CANONICAL.matcher(text).matches();
	}

	private static String invalid(String text) {
		String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
		return "Invalid UUID '" + shown + "': expected the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hex digits)";
	}

}
