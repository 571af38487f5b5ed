package com.finance.analytics.schema;

import com.finance.analytics.query.CalendarDates;
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
import java.time.LocalDate;
import java.util.Locale;

/**
 * The {@code Date} scalar with the REST API's grammar ({@link CalendarDates}):
 * {@code YYYY-MM-DD} naming an existing day. The extended scalar's parser quietly turns
 * {@code 2026-02-30} into {@code 2026-02-28} and takes expanded years
 * ({@code +10000-01-01}); its messages name Java types. Here any other input is refused
 * in GraphQL terms.
 */
final class StrictDateCoercing implements Coercing<LocalDate, String> {

	static final GraphQLScalarType DATE = GraphQLScalarType.newScalar(ExtendedScalars.Date)
		.coercing(new StrictDateCoercing())
		.build();

	private static final String NOT_A_STRING = "expected a Date: a string such as \"2026-01-31\"";

	@SuppressWarnings("unchecked")
	private final Coercing<LocalDate, String> lenient = (Coercing<LocalDate, String>) ExtendedScalars.Date
		.getCoercing();

	@Override
	public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
		// ISO 8601 as the extended scalar writes it, without its formatter for every date
		// read from DuckDB
		return value instanceof LocalDate date ? date.toString() : lenient.serialize(value, context, locale);
	}

	@Override
	public LocalDate parseValue(Object input, GraphQLContext context, Locale locale)
			throws CoercingParseValueException {
		if (input instanceof LocalDate date) {
			return date;
		}
		if (input instanceof String text) {
			return CalendarDates.parse(text).orElseThrow(() -> new CoercingParseValueException(invalid(text)));
		}
		throw new CoercingParseValueException(NOT_A_STRING);
	}

	@Override
	public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
			throws CoercingParseLiteralException {
		if (input instanceof StringValue text) {
			return CalendarDates.parse(text.getValue())
				.orElseThrow(() -> new CoercingParseLiteralException(invalid(text.getValue())));
		}
		throw new CoercingParseLiteralException(NOT_A_STRING);
	}

	@Override
	public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
		return lenient.valueToLiteral(input, context, locale);
	}

	private static String invalid(String text) {
		String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
		return "Invalid date '" + shown + "': expected an existing YYYY-MM-DD date";
	}

}
