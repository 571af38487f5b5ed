package com.finance.analytics.schema;

import com.finance.analytics.catalog.ColumnType;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import java.util.List;

/** DuckDB column types to GraphQL scalars. Money is DECIMAL → BigDecimal, never Float. */
final class ScalarTypes {

    /** The extended scalars every generated schema declares, whether or not a dataset uses them. */
    static final List<GraphQLScalarType> EXTENDED = List.of(
            StrictDateCoercing.DATE,
            ExtendedScalars.DateTime,
            ExtendedScalars.GraphQLBigDecimal,
            ExtendedScalars.GraphQLLong,
            ExtendedScalars.GraphQLBigInteger,
            StrictUuidCoercing.UUID_SCALAR);

    private ScalarTypes() {
    }

    static String graphQlType(ColumnType type) {
        String element = switch (type.kind()) {
            case STRING -> "String";
            case BOOLEAN -> "Boolean";
            case INT -> "Int";
            case LONG -> "Long";
            case BIG_INTEGER -> "BigInteger";
            case FLOAT -> "Float";
            case DECIMAL -> "BigDecimal";
            case DATE -> "Date";
            case DATE_TIME -> "DateTime";
            case UUID -> "UUID";
            case UNSUPPORTED -> throw new IllegalArgumentException("Unsupported column type " + type.duckDbType());
        };
        return type.list() ? "[" + element + "]" : element;
    }

    static String declarations() {
        StringBuilder sdl = new StringBuilder();
        EXTENDED.forEach(scalar -> sdl.append("scalar ").append(scalar.getName()).append('\n'));
        return sdl.toString();
    }
}
