package com.finance.analytics.schema;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.query.ConvenienceView;
import com.finance.analytics.query.ConvenienceViewService;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.query.Page;
import com.finance.analytics.snapshot.Snapshot;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * The data fetchers of the generated part of one snapshot's schema. They are thin: arguments in, a query-layer
 * service call on this snapshot, rows out (rows are maps keyed by column name).
 */
final class DatasetWiring {

    private final Snapshot snapshot;
    private final DatasetQueryService datasets;
    private final ConvenienceViewService views;

    DatasetWiring(Snapshot snapshot, DatasetQueryService datasets, ConvenienceViewService views) {
        this.snapshot = snapshot;
        this.datasets = datasets;
        this.views = views;
    }

    void wire(RuntimeWiring.Builder wiring) {
        Catalog catalog = snapshot.catalog();
        TypeRuntimeWiring.Builder query = TypeRuntimeWiring.newTypeWiring("Query");
        for (Dataset dataset : catalog.datasets()) {
            DatasetNames names = DatasetNames.of(dataset);
            query.dataFetcher(names.queryField(), page(dataset));
            wiring.type(rowType(names.type(), columnsByField(dataset), RelationField.of(catalog, dataset)));
            wiring.type(columnEnum(names.column(), dataset));
        }
        wireConvenienceViews(catalog, query, wiring);
        wiring.type(query);
    }

    private DataFetcher<Map<String, Object>> page(Dataset dataset) {
        return environment -> {
            Page page = datasets.query(snapshot, Callers.require(environment), dataset.id(),
                    Arguments.datasetQuery(environment));
            Map<String, Object> pageInfo = Map.of(
                    "limit", page.limit(), "offset", page.offset(), "hasNextPage", page.hasNextPage());
            return Map.of("nodes", page.rows(), "totalCount", page.totalCount(), "pageInfo", pageInfo);
        };
    }

    private void wireConvenienceViews(Catalog catalog, TypeRuntimeWiring.Builder query, RuntimeWiring.Builder wiring) {
        if (ConvenienceView.SPENDING_BY_TAG.availableIn(catalog)) {
            query.dataFetcher("spendingByTag", environment -> views.spendingByTag(snapshot,
                    Callers.require(environment), Arguments.date(environment, "startDate"),
                    Arguments.date(environment, "endDate"), Arguments.ids(environment, "tagIds")));
            List<RelationField> tag = TagSpendingFields.tagRelation(catalog)
                    .map(relation -> List.of(new RelationField("tag", relation))).orElse(List.of());
            wiring.type(rowType(TagSpendingFields.TYPE, TagSpendingFields.columnsByField(catalog), tag));
        }
        if (ConvenienceView.MONTHLY_TRENDS.availableIn(catalog)) {
            query.dataFetcher("monthlyTrends", environment -> views.monthlyTrends(snapshot,
                    Callers.require(environment), Arguments.date(environment, "startDate"),
                    Arguments.date(environment, "endDate")));
        }
        if (ConvenienceView.BALANCE_HISTORY.availableIn(catalog)) {
            query.dataFetcher("balanceHistory", environment -> views.balanceHistory(snapshot,
                    Callers.require(environment), Arguments.ids(environment, "accountIds"),
                    Arguments.date(environment, "startDate"), Arguments.date(environment, "endDate")));
        }
    }

    private static Map<String, String> columnsByField(Dataset dataset) {
        Map<String, String> columns = new LinkedHashMap<>();
        dataset.columns().forEach(column -> columns.put(GraphQlNames.field(column.name()), column.name()));
        return columns;
    }

    private static TypeRuntimeWiring.Builder rowType(String type, Map<String, String> columnsByField,
                                                     List<RelationField> relations) {
        TypeRuntimeWiring.Builder wiring = TypeRuntimeWiring.newTypeWiring(type);
        columnsByField.forEach((field, column) -> wiring.dataFetcher(field, new ColumnFetcher(column)));
        relations.forEach(relation -> wiring.dataFetcher(relation.name(), relationFetcher(relation)));
        return wiring;
    }

    private static DataFetcher<Object> relationFetcher(RelationField field) {
        String column = field.relation().fromColumn();
        return environment -> {
            Map<String, Object> row = environment.getSource();
            DataLoader<Object, Map<String, Object>> loader = environment.getDataLoader(field.loaderName());
            Object key = row.get(column);
            if (!field.relation().many()) {
                return key == null ? null : loader.load(key);
            }
            List<Object> keys = key == null ? List.of()
                    : ((List<?>) key).stream().filter(Objects::nonNull).map(Object.class::cast).toList();
            CompletableFuture<List<Map<String, Object>>> targets = loader.loadMany(keys);
            return targets.thenApply(rows -> rows.stream().filter(Objects::nonNull).toList());
        };
    }

    private static TypeRuntimeWiring.Builder columnEnum(String type, Dataset dataset) {
        Map<String, String> columnsByValue = new LinkedHashMap<>();
        for (Column column : dataset.columns()) {
            columnsByValue.put(GraphQlNames.enumValue(column.name()), column.name());
        }
        return TypeRuntimeWiring.newTypeWiring(type).enumValues(columnsByValue::get);
    }
}
