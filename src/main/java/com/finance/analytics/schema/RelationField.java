package com.finance.analytics.schema;

import static com.finance.analytics.schema.SchemaBuilder.named;
import static com.finance.analytics.schema.SchemaBuilder.nonNullListOf;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.Relation;
import graphql.language.FieldDefinition;
import graphql.schema.DataFetcher;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * A nested object field generated from a relation, e.g.
 * {@code FctTransactions.account: DimAccounts}: its definition and its fetcher, which
 * loads through the relation's per-request data loader ({@link RelationLoaders}).
 */
public record RelationField(String name, Relation relation, String targetType, boolean required) {

	/**
	 * A relation field named {@code name}, typed by the row type of the relation's target
	 * dataset; never null when dbt declares the referencing column not null (its
	 * relationships test then guarantees the target exists, and both rows belong to the
	 * same user).
	 */
	public static RelationField of(Catalog catalog, String name, Relation relation) {
		boolean required = catalog.requireDataset(relation.fromDataset())
			.column(relation.fromColumn())
			.map(column -> !column.nullable())
			.orElse(false);
		return new RelationField(name, relation, GraphQlNames.rowType(catalog.requireDataset(relation.toDataset())),
				required);
	}

	String loaderName() {
		return loaderName(relation);
	}

	static String loaderName(Relation relation) {
		return "relation:" + relation.fromDataset() + "." + relation.fromColumn();
	}

	FieldDefinition definition() {
		String description = relation.many()
				? "The " + targetType + " rows " + GraphQlNames.field(relation.fromColumn()) + " lists."
				: "The " + targetType + " " + GraphQlNames.field(relation.fromColumn()) + " references.";
		return FieldDefinition.newFieldDefinition()
			.name(name)
			.description(SchemaBuilder.description(description))
			.type(relation.many() ? nonNullListOf(targetType)
					: required ? SchemaBuilder.nonNull(named(targetType)) : named(targetType))
			.build();
	}

	DataFetcher<Object> fetcher() {
		String column = relation.fromColumn();
		String loaderName = loaderName();
		return environment -> {
			Map<String, Object> row = environment.getSource();
			DataLoader<Object, Map<String, Object>> loader = environment.getDataLoader(loaderName);
			Object key = row.get(column);
			if (!relation.many()) {
				return key == null ? null : loader.load(key);
			}
			List<Object> keys = key == null ? List.of()
					: ((List<?>) key).stream().filter(Objects::nonNull).map(Object.class::cast).toList();
			CompletableFuture<List<Map<String, Object>>> targets = loader.loadMany(keys);
			return targets.thenApply(rows -> rows.stream().filter(Objects::nonNull).toList());
		};
	}

	/**
	 * The relation fields of a dataset, named so they never collide with its column
	 * fields or each other.
	 */
	static List<RelationField> of(Catalog catalog, Dataset dataset) {
		Set<String> taken = new HashSet<>();
		dataset.columns().forEach(column -> taken.add(GraphQlNames.field(column.name())));
		return catalog.relationsFrom(dataset.id()).stream().map(relation -> {
			String name = GraphQlNames.relationField(relation.fromColumn(), relation.many());
			while (!taken.add(name)) {
				name = name + "Ref";
			}
			return of(catalog, name, relation);
		}).toList();
	}
}
