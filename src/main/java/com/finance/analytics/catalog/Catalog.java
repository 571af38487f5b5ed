package com.finance.analytics.catalog;

import com.finance.analytics.error.ErrorCode;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The datasets, relations and semantic layer (metrics) of one snapshot. Immutable, like
 * the snapshot it describes.
 */
public record Catalog(SortedMap<String, Dataset> datasetsById, List<Relation> relations, SemanticLayer semantics) {

	public Catalog {
		datasetsById = Collections.unmodifiableSortedMap(new TreeMap<>(datasetsById));
		relations = List.copyOf(relations);
	}

	public static Catalog of(Collection<Dataset> datasets, List<Relation> relations) {
		TreeMap<String, Dataset> byId = new TreeMap<>();
		datasets.forEach(dataset -> byId.put(dataset.id(), dataset));
		return new Catalog(byId, relations, SemanticLayer.EMPTY);
	}

	/** This catalog with the semantic layer resolved against it. */
	public Catalog withSemantics(SemanticLayer layer) {
		return new Catalog(datasetsById, relations, layer);
	}

	public Collection<Dataset> datasets() {
		return datasetsById.values();
	}

	public Optional<Dataset> dataset(String id) {
		return Optional.ofNullable(datasetsById.get(id));
	}

	public Dataset requireDataset(String id) {
		return dataset(id).orElseThrow(() -> ErrorCode.NOT_FOUND.exception("Unknown dataset '" + id + "'"));
	}

	public List<Relation> relationsFrom(String datasetId) {
		return relations.stream().filter(relation -> relation.fromDataset().equals(datasetId)).toList();
	}

	public Optional<Relation> relationFrom(String datasetId, String column) {
		return relations.stream()
			.filter(relation -> relation.fromDataset().equals(datasetId) && relation.fromColumn().equals(column))
			.findFirst();
	}
}
