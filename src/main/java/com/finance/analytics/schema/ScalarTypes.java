package com.finance.analytics.schema;

import com.finance.analytics.catalog.ColumnType;
import graphql.language.ListType;
import graphql.language.Type;
import graphql.language.TypeName;
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

    /** The AST type of a column's field; a list column is a list of nullable elements, as DuckDB allows. */
    static Type<?> astType(ColumnType type) {
        TypeName element = SchemaBuilder.named(elementType(type));
        return type.list() ? ListType.newListType(element).build() : element;
    }

    static String graphQlType(ColumnType type) {
        return type.list() ? "[" + elementType(type) + "]" : elementType(type);
    }

    private static String elementType(ColumnType type) {
        return switch (type.kind()) {
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
    }

    /** Declares and wires the shared scalars in every schema, whether or not a dataset uses them. */
    static void addTo(SchemaBuilder schema) {
        EXTENDED.forEach(schema::addScalar);
    }
}
