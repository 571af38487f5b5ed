package com.finance.analytics.schema;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Money and other exact decimals leave as decimal strings ({@code "-12.34"}), never as
 * JSON numbers: JavaScript's {@code JSON.parse} would turn a number into a double, so a
 * client summing amounts would get float errors. Input is accepted as a string or a
 * number, as the extended BigDecimal scalar reads it.
 */
final class DecimalStringCoercing implements Coercing<BigDecimal, String> {

	@SuppressWarnings("unchecked")
	private final Coercing<BigDecimal, BigDecimal> extended = (Coercing<BigDecimal, BigDecimal>) ExtendedScalars.GraphQLBigDecimal
		.getCoercing();

	@Override
	public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
		// A decimal read from DuckDB needs no conversion: the extended scalar would print
		// and parse it again, a visible share of a year of balance history.
		BigDecimal decimal = value instanceof BigDecimal exact ? exact : extended.serialize(value, context, locale);
		return decimal.toPlainString();
	}

	@Override
	public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale)
			throws CoercingParseValueException {
		return extended.parseValue(input, context, locale);
	}

	@Override
	public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
			throws CoercingParseLiteralException {
		return extended.parseLiteral(input, variables, context, locale);
	}

	@Override
	public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
		return extended.valueToLiteral(input, context, locale);
	}

}
