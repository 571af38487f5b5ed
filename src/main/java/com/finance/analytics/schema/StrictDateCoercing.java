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
import java.time.LocalDate;
import java.util.Locale;

/**
 * The extended {@code Date} scalar, but strict: its parser quietly turns {@code 2026-02-30} into {@code 2026-02-28};
 * here a date that does not exist is a malformed date.
 */
final class StrictDateCoercing implements Coercing<LocalDate, String> {

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar(ExtendedScalars.Date)
            .coercing(new StrictDateCoercing())
            .build();

    @SuppressWarnings("unchecked")
    private final Coercing<LocalDate, String> lenient = (Coercing<LocalDate, String>) ExtendedScalars.Date.getCoercing();

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
        return lenient.serialize(value, context, locale);
    }

    @Override
    public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
        LocalDate date = lenient.parseValue(input, context, locale);
        if (input instanceof String text && !date.toString().equals(text)) {
            throw new CoercingParseValueException("Invalid date '" + text + "': expected an existing YYYY-MM-DD date");
        }
        return date;
    }

    @Override
    public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
            throws CoercingParseLiteralException {
        LocalDate date = lenient.parseLiteral(input, variables, context, locale);
        if (input instanceof StringValue text && !date.toString().equals(text.getValue())) {
            throw new CoercingParseLiteralException(
                    "Invalid date '" + text.getValue() + "': expected an existing YYYY-MM-DD date");
        }
        return date;
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return lenient.valueToLiteral(input, context, locale);
    }
}
