package com.finance.analytics.schema;

import com.finance.analytics.catalog.ColumnType;
import graphql.language.ListType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import java.util.List;

/**
 * DuckDB column types to GraphQL scalars. Money is DECIMAL → BigDecimal (a decimal
 * string), never Float.
 */
public final class ScalarTypes {

	/**
	 * The custom scalars every schema declares, whether or not a dataset uses them, each
	 * with a description and the URL of its specification so typed clients (codegen,
	 * Apollo) know what a value is without guessing.
	 */
	static final List<GraphQLScalarType> EXTENDED = List.of(
			described(StrictDateCoercing.DATE, "A calendar day as YYYY-MM-DD (ISO 8601), e.g. \"2026-03-31\".",
					"https://scalars.graphql.org/andimarek/local-date.html"),
			described(ExtendedScalars.DateTime,
					"An instant with its offset (RFC 3339), e.g. " + "\"2026-03-31T12:00:00Z\".",
					"https://scalars.graphql.org/andimarek/date-time.html"),
			described(
					GraphQLScalarType.newScalar(ExtendedScalars.GraphQLBigDecimal)
						.coercing(new DecimalStringCoercing())
						.build(),
					"An exact decimal, sent as a JSON string (\"-12.34\") so JavaScript keeps every cent; parse it "
							+ "with a decimal library or as integer cents, never with parseFloat for sums. Input "
							+ "may be a string or a number.",
					"https://speleotrove.com/decimal/daconvs.html#reftostr"),
			described(ExtendedScalars.GraphQLLong,
					"A 64-bit signed integer as a JSON number; the counts it holds "
							+ "stay far below 2^53, so JavaScript reads them exactly.",
					"https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Long.html"),
			described(ExtendedScalars.GraphQLBigInteger, "An arbitrarily large integer, sent as a JSON number.",
					"https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/math/BigInteger.html"),
			described(StrictUuidCoercing.UUID_SCALAR, "A UUID in its canonical 8-4-4-4-12 hexadecimal form.",
					"https://www.rfc-editor.org/rfc/rfc9562"));

	private ScalarTypes() {
	}

	private static GraphQLScalarType described(GraphQLScalarType scalar, String description, String specifiedBy) {
		return GraphQLScalarType.newScalar(scalar).description(description).specifiedByUrl(specifiedBy).build();
	}

	/**
	 * The AST type of a column's field; a list column is a list of nullable elements, as
	 * DuckDB allows.
	 */
	public static Type<?> astType(ColumnType type) {
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

	/**
	 * Declares and wires the shared scalars in every schema, whether or not a dataset
	 * uses them.
	 */
	static void addTo(SchemaBuilder schema) {
		EXTENDED.forEach(schema::addScalar);
	}

}
