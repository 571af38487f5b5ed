package com.finance.analytics.schema;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;

/** Prints a schema the way it is committed in {@code schema/schema.graphqls}. */
public final class SchemaSdl {

	private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
		.includeScalarTypes(true)
		.includeSchemaDefinition(false)
		.includeDirectives(directive -> directive.equals("specifiedBy")));

	private SchemaSdl() {
	}

	public static String print(GraphQLSchema schema) {
		return PRINTER.print(schema);
	}

}
