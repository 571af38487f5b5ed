package com.finance.analytics.schema;

import static com.finance.analytics.schema.SchemaBuilder.field;
import static com.finance.analytics.schema.SchemaBuilder.input;
import static com.finance.analytics.schema.SchemaBuilder.named;
import static com.finance.analytics.schema.SchemaBuilder.nonNull;
import static com.finance.analytics.schema.SchemaBuilder.nonNullListOf;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.documents.Selections;
import com.finance.analytics.query.DatasetQuery;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.query.Page;
import com.finance.analytics.query.RelationQueryService;
import com.finance.analytics.security.Callers;
import com.finance.analytics.security.RequestLimits;
import com.finance.analytics.snapshot.Snapshot;
import graphql.execution.MergedField;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.FragmentDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.schema.DataFetcher;
import graphql.schema.idl.TypeRuntimeWiring;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One paged query field per dataset of the snapshot's catalog, with its row type (columns
 * and relations), page type, filter input (the filters {@code meta.filters} declares),
 * column enum and ordering input, and the fetchers behind them: arguments in, a
 * query-layer call on this snapshot, rows out. Walks the catalog once for types and
 * wiring.
 */
@Component
@Order(1)
class DatasetFields implements SchemaContribution {

	private static final String ID = "id";

	private final DatasetQueryService datasets;

	private final RelationQueryService relations;

	private final int maxListSize;

	DatasetFields(DatasetQueryService datasets, RelationQueryService relations, RequestLimits limits) {
		this.datasets = datasets;
		this.relations = relations;
		this.maxListSize = limits.maxListSize();
	}

	@Override
	public void contribute(SchemaBuilder schema, Optional<Snapshot> snapshot) {
		snapshot.ifPresent(served -> {
			for (Dataset dataset : served.catalog().datasets()) {
				addDataset(schema, served, dataset);
			}
			schema.addDataLoaders(new RelationLoaders(served, relations));
		});
	}

	private void addDataset(SchemaBuilder schema, Snapshot snapshot, Dataset dataset) {
		Catalog catalog = snapshot.catalog();
		DatasetNames names = DatasetNames.of(dataset);
		List<String> filters = DatasetNames.filterArguments(dataset.filters());

		RowType row = new RowType(names.type(), dataset.friendlyName());
		identity(dataset).ifPresent(key -> row.column(ID, nonNull(named("ID")), key,
				"Identifies this row (its " + GraphQlNames.field(key) + ") so client caches can normalise it."));
		for (Column column : dataset.columns()) {
			Type<?> type = ScalarTypes.astType(column.type());
			row.column(GraphQlNames.field(column.name()), column.nullable() ? type : nonNull(type), column.name(),
					column.description());
		}
		RelationField.of(catalog, dataset).forEach(row::relation);
		row.addTo(schema);
		Map<String, String> columnsByField = row.columnsByField();

		schema.addType(ObjectTypeDefinition.newObjectTypeDefinition()
			.name(names.page())
			.description(SchemaBuilder.description("A page of " + names.type() + " rows."))
			.fieldDefinition(field("nodes", nonNullListOf(names.type()), "The rows of this page, in order."))
			.fieldDefinition(
					field("totalCount", nonNull(named("Long")), "How many rows match the filter, over all pages."))
			.fieldDefinition(field("pageInfo", nonNull(named("PageInfo")), "Where this page is."))
			.build());
		if (!filters.isEmpty()) {
			schema.addType(InputObjectTypeDefinition.newInputObjectDefinition()
				.name(names.filter())
				.description(SchemaBuilder
					.description("Rows matching every given filter; an absent filter " + "matches all of your rows."))
				.inputValueDefinitions(filters.stream().map(this::filterField).toList())
				.build());
		}
		addColumnEnum(schema, names.column(), dataset);
		schema.addType(InputObjectTypeDefinition.newInputObjectDefinition()
			.name(names.orderBy())
			.description(SchemaBuilder.description("One sort term."))
			.inputValueDefinition(input("column", nonNull(named(names.column())), "The column to sort by."))
			.inputValueDefinition(SchemaBuilder.sortDirection())
			.build());

		List<InputValueDefinition> arguments = new ArrayList<>();
		if (!filters.isEmpty()) {
			arguments.add(input("filter", named(names.filter()), "Only rows matching every given filter."));
		}
		arguments.add(input("orderBy", ListType.newListType(nonNull(named(names.orderBy()))).build(),
				"Sort terms, the first one first; rows tied on every term come in an unspecified order."));
		arguments.add(InputValueDefinition.newInputValueDefinition()
			.name("limit")
			.type(named("Int"))
			.description(SchemaBuilder.description("Rows per page, from 0 (only totalCount) to "
					+ DatasetQuery.MAX_LIMIT + "; more is BAD_REQUEST, never cut."))
			.defaultValue(IntValue.of(DatasetQuery.DEFAULT_LIMIT))
			.build());
		arguments.add(InputValueDefinition.newInputValueDefinition()
			.name("offset")
			.type(named("Int"))
			.description(SchemaBuilder.description("Rows to skip before this page (0 or more)."))
			.defaultValue(new IntValue(BigInteger.ZERO))
			.build());
		schema.addQueryField(FieldDefinition.newFieldDefinition()
			.name(names.queryField())
			.description(SchemaBuilder.description(dataset.description()))
			.inputValueDefinitions(arguments)
			.type(nonNull(named(names.page())))
			.build(), page(snapshot, dataset, columnsByField));
	}

	/**
	 * Values are the columns' GraphQL names; each resolves to its catalog column name,
	 * never to client text.
	 */
	private static void addColumnEnum(SchemaBuilder schema, String type, Dataset dataset) {
		Map<String, String> columnsByValue = new LinkedHashMap<>();
		List<EnumValueDefinition> values = new ArrayList<>();
		dataset.columns().stream().filter(column -> !column.type().list()).forEach(column -> {
			String value = GraphQlNames.enumValue(column.name());
			columnsByValue.put(value, column.name());
			values.add(EnumValueDefinition.newEnumValueDefinition()
				.name(value)
				.description(SchemaBuilder
					.description("Sort by " + GraphQlNames.field(column.name()) + ": " + column.description()))
				.build());
		});
		schema.addType(EnumTypeDefinition.newEnumTypeDefinition()
			.name(type)
			.description(SchemaBuilder.description("The columns rows can be sorted by."))
			.enumValueDefinitions(values)
			.build());
		schema.wire(TypeRuntimeWiring.newTypeWiring(type).enumValues(columnsByValue::get));
	}

	/**
	 * The unique, never-null key column that becomes {@code id}, unless a column already
	 * has that name.
	 */
	private static Optional<String> identity(Dataset dataset) {
		boolean taken = dataset.columns().stream().anyMatch(column -> GraphQlNames.field(column.name()).equals(ID));
		return taken ? Optional.empty() : dataset.keyColumn();
	}

	private InputValueDefinition filterField(String filter) {
		return switch (filter) {
			case "startDate" -> input(filter, named("Date"), "Rows on or after this day (inclusive).");
			case "endDate" -> input(filter, named("Date"), "Rows on or before this day (inclusive).");
			default -> input(filter, ListType.newListType(nonNull(named("UUID"))).build(),
					"Rows that have any of these " + (filter.equals("tagIds") ? "tags" : "accounts") + " (at most "
							+ maxListSize + "; each must be yours, else FORBIDDEN). An empty list "
							+ "is refused: omit the filter to match all.");
		};
	}

	private DataFetcher<Map<String, Object>> page(Snapshot snapshot, Dataset dataset,
			Map<String, String> columnsByField) {
		return environment -> {
			DatasetQuery query = Arguments.datasetQuery(environment)
				.reading(selectedColumns(environment.getMergedField(), environment.getFragmentsByName(),
						columnsByField));
			Page page = datasets.query(snapshot, Callers.require(environment), dataset.id(), query);
			Map<String, Object> pageInfo = Map.of("limit", page.limit(), "offset", page.offset(), "hasNextPage",
					page.hasNextPage());
			return Map.of("nodes", page.rows(), "totalCount", page.totalCount(), "pageInfo", pageInfo);
		};
	}

	/**
	 * The columns the selection reads from the rows, from the document itself (through
	 * fragments and aliases; a field under {@code @skip} counts, which only reads a
	 * column more): a page statement then reads only those, which on a wide dataset is a
	 * good part of its cost. graphql-java's own selection set is not used because
	 * building it cost more than the columns saved. Empty, meaning every column, when a
	 * selected field is none of the row type's own (which cannot happen with a valid
	 * document, and so fails safe).
	 */
	static Set<String> selectedColumns(MergedField page, Map<String, FragmentDefinition> fragments,
			Map<String, String> columnsByField) {
		List<SelectionSet> nodes = new ArrayList<>();
		for (Field field : page.getFields()) {
			Selections.forEachField(field.getSelectionSet(), fragments, selected -> {
				if (selected.getName().equals("nodes") && selected.getSelectionSet() != null) {
					nodes.add(selected.getSelectionSet());
				}
			});
		}
		List<String> fields = new ArrayList<>();
		nodes.forEach(rows -> Selections.forEachField(rows, fragments, selected -> fields.add(selected.getName())));
		Set<String> columns = new HashSet<>();
		for (String name : fields) {
			String column = columnsByField.get(name);
			if (column == null && !name.startsWith("__")) {
				return Set.of();
			}
			if (column != null) {
				columns.add(column);
			}
		}
		return columns;
	}

}
