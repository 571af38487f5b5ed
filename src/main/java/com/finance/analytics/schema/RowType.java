package com.finance.analytics.schema;

import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An object type whose values are rows (maps keyed by column name): each field reads one
 * column, each relation field loads its target rows. Built field by field, then added to
 * a schema with its definition and wiring together.
 */
public final class RowType {

	private final String name;

	private final Description description;

	private final List<FieldDefinition> fields = new ArrayList<>();

	private final TypeRuntimeWiring.Builder wiring;

	private final Map<String, String> columnsByField = new HashMap<>();

	public RowType(String name, String description) {
		this.name = name;
		this.description = SchemaBuilder.description(description);
		this.wiring = TypeRuntimeWiring.newTypeWiring(name);
	}

	public RowType column(String field, Type<?> type, String column, String description) {
		fields.add(FieldDefinition.newFieldDefinition()
			.name(field)
			.type(type)
			.description(SchemaBuilder.description(description))
			.build());
		wiring.dataFetcher(field, new ColumnFetcher(column));
		columnsByField.put(field, column);
		return this;
	}

	public RowType relation(RelationField relation) {
		fields.add(relation.definition());
		wiring.dataFetcher(relation.name(), relation.fetcher());
		columnsByField.put(relation.name(), relation.relation().fromColumn());
		return this;
	}

	/**
	 * The column each field of this type reads (a relation field: its referencing
	 * column).
	 */
	public Map<String, String> columnsByField() {
		return Map.copyOf(columnsByField);
	}

	public void addTo(SchemaBuilder schema) {
		schema.addType(ObjectTypeDefinition.newObjectTypeDefinition()
			.name(name)
			.description(description)
			.fieldDefinitions(fields)
			.build());
		schema.wire(wiring);
	}

}
