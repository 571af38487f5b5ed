package com.finance.analytics.catalog;

import com.finance.analytics.catalog.DuckDbColumns.ColumnSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Joins dbt's manifest with DuckDB's catalog. Fails closed: a flagged model whose table
 * is missing, whose user id column is undeclared, absent or not a UUID, or whose declared
 * filter columns do not exist is left out (and logged).
 */
public final class CatalogLoader {

	private static final Logger LOG = LoggerFactory.getLogger(CatalogLoader.class);

	private CatalogLoader() {
	}

	public static LoadedCatalog load(Path manifestFile, Connection connection) throws IOException, SQLException {
		JsonNode root = DbtManifest.readTree(manifestFile);
		DbtManifest manifest = DbtManifest.parse(root);
		Catalog catalog = build(manifest, DuckDbColumns.read(connection));
		return new LoadedCatalog(manifest.dbtVersion(), catalog.withSemantics(SemanticManifest.resolve(root, catalog)));
	}

	static Catalog build(DbtManifest manifest, Map<String, List<ColumnSpec>> columnsByTable) {
		Map<String, Dataset> datasetsByModelId = new HashMap<>();
		for (DbtModel model : manifest.models()) {
			if (model.meta().dataset()) {
				toDataset(model, columnsByTable).ifPresent(dataset -> datasetsByModelId.put(model.uniqueId(), dataset));
			}
		}
		List<Relation> relations = new ArrayList<>();
		for (RelationshipTest test : manifest.relationships()) {
			Dataset from = datasetsByModelId.get(test.fromModelId());
			Dataset to = datasetsByModelId.get(test.toModelId());
			if (from == null || to == null) {
				continue;
			}
			Optional<Column> fromColumn = from.column(test.fromColumn());
			Optional<Column> toColumn = to.column(test.toColumn());
			if (fromColumn.isPresent() && toColumn.isPresent()) {
				relations.add(new Relation(from.id(), test.fromColumn(), to.id(), test.toColumn(),
						fromColumn.get().type().list()));
			}
		}
		return Catalog.of(datasetsByModelId.values(), relations);
	}

	private static Optional<Dataset> toDataset(DbtModel model, Map<String, List<ColumnSpec>> columnsByTable) {
		List<ColumnSpec> specs = columnsByTable.get(DuckDbColumns.key(model.schema(), model.relationName()));
		if (specs == null) {
			return rejected(model,
					"its table " + model.schema() + "." + model.relationName() + " is not in the database");
		}
		List<Column> columns = specs.stream()
			.filter(spec -> spec.type().supported())
			.map(spec -> new Column(spec.name(), spec.type(), model.columnDescriptions().getOrDefault(spec.name(), ""),
					!model.notNullColumns().contains(spec.name())))
			.toList();
		Map<String, String> declared = model.meta().filters();
		String userIdColumn = declared.get(DatasetMeta.USER_ID_COLUMN);
		if (userIdColumn == null || columns.stream().noneMatch(column -> isUserIdColumn(column, userIdColumn))) {
			return rejected(model,
					"it has no UUID user id column declared in meta.filters." + DatasetMeta.USER_ID_COLUMN);
		}
		for (Map.Entry<String, String> filter : declared.entrySet()) {
			if (columns.stream().noneMatch(column -> column.name().equals(filter.getValue()))) {
				return rejected(model,
						"meta.filters." + filter.getKey() + " names a missing column " + filter.getValue());
			}
		}
		DatasetFilters filters = new DatasetFilters(userIdColumn,
				Optional.ofNullable(declared.get(DatasetMeta.DATE_COLUMN)),
				Optional.ofNullable(declared.get(DatasetMeta.ACCOUNT_ID_COLUMN)),
				Optional.ofNullable(declared.get(DatasetMeta.TAG_ID_COLUMN)));
		DatasetMeta meta = model.meta();
		// A unique key identifies a row to client caches only when it can never be null.
		Optional<String> key = model.uniqueColumns()
			.stream()
			.filter(name -> columns.stream()
				.anyMatch(column -> column.name().equals(name) && !column.nullable() && !column.type().list()))
			.findFirst();
		return Optional.of(new Dataset(model.name(), meta.friendlyName(), meta.group(), meta.timeGrain(),
				model.description(), model.schema(), model.relationName(), columns, filters,
				Optional.ofNullable(meta.graphQlType()), key));
	}

	private static boolean isUserIdColumn(Column column, String name) {
		return column.name().equals(name) && column.type().kind() == ScalarKind.UUID && !column.type().list();
	}

	private static Optional<Dataset> rejected(DbtModel model, String reason) {
		LOG.warn("Model {} is flagged as a dataset but is not exposed: {}", model.name(), reason);
		return Optional.empty();
	}

}
