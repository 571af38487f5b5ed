package com.finance.analytics.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.catalog.DuckDbColumns.ColumnSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Joining dbt metadata with DuckDB column types, and failing closed on anything that
 * cannot be scoped.
 */
class CatalogLoaderTest {

	private static final String MANIFEST = """
			{
			  "metadata": {"dbt_version": "1.11.16"},
			  "nodes": {
			    "model.p.fct_spend": {
			      "resource_type": "model", "unique_id": "model.p.fct_spend", "name": "fct_spend",
			      "schema": "main", "alias": "fct_spend", "description": "Spending.",
			      "columns": {"amount": {"description": "Money out."}},
			      "config": {"meta": {"dataset": true, "friendly_name": "Spend", "group": "facts", "time_grain": "day",
			        "filters": {"user_id_column": "user_id", "date_column": "day", "tag_id_column": "tag_ids"}}}
			    },
			    "model.p.dim_tags": {
			      "resource_type": "model", "unique_id": "model.p.dim_tags", "name": "dim_tags", "schema": "main",
			      "alias": "dim_tags", "columns": {"tag_id": {"constraints": [{"type": "primary_key"}]}},
			      "config": {"meta": {"dataset": true, "graphql_type": "Label",
			        "filters": {"user_id_column": "user_id"}}}
			    },
			    "model.p.fct_global": {
			      "resource_type": "model", "unique_id": "model.p.fct_global", "name": "fct_global",
			      "schema": "main", "alias": "fct_global", "columns": {},
			      "config": {"meta": {"dataset": true, "filters": {}}}
			    },
			    "model.p.fct_wrong_user": {
			      "resource_type": "model", "unique_id": "model.p.fct_wrong_user", "name": "fct_wrong_user",
			      "schema": "main", "alias": "fct_wrong_user", "columns": {},
			      "config": {"meta": {"dataset": true, "filters": {"user_id_column": "owner"}}}
			    },
			    "model.p.stg_raw": {
			      "resource_type": "model", "unique_id": "model.p.stg_raw", "name": "stg_raw", "schema": "main",
			      "alias": "stg_raw", "columns": {}, "config": {"meta": {}}
			    },
			    "test.p.amount_not_null": {
			      "resource_type": "test", "attached_node": "model.p.fct_spend", "column_name": "amount",
			      "test_metadata": {"name": "not_null", "kwargs": {"column_name": "amount"}}
			    },
			    "test.p.rel": {
			      "resource_type": "test", "attached_node": "model.p.fct_spend", "column_name": "tag_ids",
			      "test_metadata": {"name": "relationships",
			        "kwargs": {"column_name": "tag_ids", "to": "ref('dim_tags')", "field": "tag_id"}}
			    }
			  }
			}""";

	private static final Map<String, List<ColumnSpec>> COLUMNS = Map.of("main.fct_spend",
			List.of(spec("user_id", "UUID"), spec("day", "DATE"), spec("amount", "DECIMAL(18,2)"),
					spec("tag_ids", "UUID[]"), spec("payload", "STRUCT(a INTEGER)")),
			"main.dim_tags", List.of(spec("tag_id", "UUID"), spec("user_id", "UUID"), spec("created_at", "TIMESTAMP")),
			"main.fct_global", List.of(spec("day", "DATE"), spec("total", "BIGINT")), "main.fct_wrong_user",
			List.of(spec("owner", "VARCHAR")), "main.stg_raw", List.of(spec("user_id", "UUID")));

	private final Catalog catalog = CatalogLoader
		.build(DbtManifest.parse(JsonMapper.builder().build().readTree(MANIFEST)), COLUMNS);

	@Test
	void notNullTestsAndPrimaryKeysMakeColumnsNotNullableAndKeysIdentify() {
		Dataset spend = catalog.requireDataset("fct_spend");
		assertThat(spend.requireColumn("amount").nullable()).isFalse();
		assertThat(spend.requireColumn("day").nullable()).isTrue();
		assertThat(spend.keyColumn()).isEmpty();
		Dataset tags = catalog.requireDataset("dim_tags");
		assertThat(tags.requireColumn("tag_id").nullable()).isFalse();
		assertThat(tags.keyColumn()).contains("tag_id");
	}

	@Test
	void graphQlTypeComesFromMetaWhenDbtNamesIt() {
		assertThat(catalog.requireDataset("dim_tags").graphQlType()).contains("Label");
		assertThat(catalog.requireDataset("fct_spend").graphQlType()).isEmpty();
	}

	@Test
	void exposesFlaggedModelsWithTypesFromDuckDbAndDescriptionsFromDbt() {
		Dataset spend = catalog.requireDataset("fct_spend");
		assertThat(spend.friendlyName()).isEqualTo("Spend");
		assertThat(spend.group()).isEqualTo("facts");
		assertThat(spend.timeGrain()).isEqualTo("day");
		assertThat(spend.filters().dateColumn()).contains("day");
		Column amount = spend.requireColumn("amount");
		assertThat(amount.type().kind()).isEqualTo(ScalarKind.DECIMAL);
		assertThat(amount.description()).isEqualTo("Money out.");
		assertThat(spend.requireColumn("tag_ids").type()).satisfies(type -> {
			assertThat(type.kind()).isEqualTo(ScalarKind.UUID);
			assertThat(type.list()).isTrue();
		});
	}

	@Test
	void hidesColumnsOfTypesTheGatewayCannotExpose() {
		assertThat(catalog.requireDataset("fct_spend").column("payload")).isEmpty();
	}

	@Test
	void doesNotExposeMartWithoutUserIdColumn() {
		assertThat(catalog.dataset("fct_global")).isEmpty();
	}

	@Test
	void doesNotExposeMartWhoseUserIdColumnIsNotAUuid() {
		assertThat(catalog.dataset("fct_wrong_user")).isEmpty();
	}

	@Test
	void doesNotExposeModelsWithoutTheDatasetFlag() {
		assertThat(catalog.dataset("stg_raw")).isEmpty();
		assertThat(catalog.datasets()).extracting(Dataset::id).containsExactly("dim_tags", "fct_spend");
	}

	@Test
	void relationshipsTestOnAListColumnBecomesAManyRelation() {
		assertThat(catalog.relations())
			.containsExactly(new Relation("fct_spend", "tag_ids", "dim_tags", "tag_id", true));
	}

	private static ColumnSpec spec(String name, String type) {
		return new ColumnSpec(name, ColumnType.of(type));
	}

}
