package com.finance.analytics.schema;

import static com.finance.analytics.schema.SchemaBuilder.named;
import static com.finance.analytics.schema.SchemaBuilder.nonNull;
import static com.finance.analytics.schema.SchemaBuilder.nonNullListOf;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.query.DatasetQuery;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.query.Page;
import com.finance.analytics.query.RelationQueryService;
import com.finance.analytics.security.Callers;
import com.finance.analytics.snapshot.Snapshot;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.idl.TypeRuntimeWiring;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One paged query field per dataset of the snapshot's catalog, with its row type (columns and relations), page type,
 * filter input (the filters {@code meta.filters} declares), column enum and ordering input, and the fetchers behind
 * them: arguments in, a query-layer call on this snapshot, rows out. Walks the catalog once for types and wiring.
 */
@Component
@Order(1)
class DatasetFields implements SchemaContribution {

    private final DatasetQueryService datasets;
    private final RelationQueryService relations;

    DatasetFields(DatasetQueryService datasets, RelationQueryService relations) {
        this.datasets = datasets;
        this.relations = relations;
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
        for (Column column : dataset.columns()) {
            row.column(GraphQlNames.field(column.name()), ScalarTypes.astType(column.type()), column.name(),
                    column.description());
        }
        RelationField.of(catalog, dataset).forEach(row::relation);
        row.addTo(schema);

        schema.addType(ObjectTypeDefinition.newObjectTypeDefinition().name(names.page())
                .fieldDefinition(field("nodes", nonNullListOf(names.type())))
                .fieldDefinition(field("totalCount", nonNull(named("Long"))))
                .fieldDefinition(field("pageInfo", nonNull(named("PageInfo"))))
                .build());
        if (!filters.isEmpty()) {
            schema.addType(InputObjectTypeDefinition.newInputObjectDefinition().name(names.filter())
                    .inputValueDefinitions(filters.stream()
                            .map(filter -> input(filter, filter.endsWith("Date") ? named("Date")
                                    : ListType.newListType(nonNull(named("UUID"))).build()))
                            .toList())
                    .build());
        }
        addColumnEnum(schema, names.column(), dataset);
        schema.addType(InputObjectTypeDefinition.newInputObjectDefinition().name(names.orderBy())
                .inputValueDefinition(input("column", nonNull(named(names.column()))))
                .inputValueDefinition(InputValueDefinition.newInputValueDefinition().name("direction")
                        .type(named("SortDirection")).defaultValue(EnumValue.of("ASC")).build())
                .build());

        List<InputValueDefinition> arguments = new ArrayList<>();
        if (!filters.isEmpty()) {
            arguments.add(input("filter", named(names.filter())));
        }
        arguments.add(input("orderBy", ListType.newListType(nonNull(named(names.orderBy()))).build()));
        arguments.add(InputValueDefinition.newInputValueDefinition().name("limit").type(named("Int"))
                .defaultValue(IntValue.of(DatasetQuery.DEFAULT_LIMIT)).build());
        arguments.add(InputValueDefinition.newInputValueDefinition().name("offset").type(named("Int"))
                .defaultValue(new IntValue(BigInteger.ZERO)).build());
        schema.addQueryField(FieldDefinition.newFieldDefinition().name(names.queryField())
                .description(SchemaBuilder.description(dataset.description()))
                .inputValueDefinitions(arguments).type(nonNull(named(names.page()))).build(),
                page(snapshot, dataset));
    }

    /** Values are the columns' GraphQL names; each resolves to its catalog column name, never to client text. */
    private static void addColumnEnum(SchemaBuilder schema, String type, Dataset dataset) {
        Map<String, String> columnsByValue = new LinkedHashMap<>();
        dataset.columns().stream().filter(column -> !column.type().list())
                .forEach(column -> columnsByValue.put(GraphQlNames.enumValue(column.name()), column.name()));
        schema.addType(EnumTypeDefinition.newEnumTypeDefinition().name(type)
                .enumValueDefinitions(columnsByValue.keySet().stream()
                        .map(value -> EnumValueDefinition.newEnumValueDefinition().name(value).build()).toList())
                .build());
        schema.wire(TypeRuntimeWiring.newTypeWiring(type).enumValues(columnsByValue::get));
    }

    private DataFetcher<Map<String, Object>> page(Snapshot snapshot, Dataset dataset) {
        return environment -> {
            Page page = datasets.query(snapshot, Callers.require(environment), dataset.id(),
                    Arguments.datasetQuery(environment));
            Map<String, Object> pageInfo = Map.of(
                    "limit", page.limit(), "offset", page.offset(), "hasNextPage", page.hasNextPage());
            return Map.of("nodes", page.rows(), "totalCount", page.totalCount(), "pageInfo", pageInfo);
        };
    }

    private static FieldDefinition field(String name, graphql.language.Type<?> type) {
        return FieldDefinition.newFieldDefinition().name(name).type(type).build();
    }

    private static InputValueDefinition input(String name, graphql.language.Type<?> type) {
        return InputValueDefinition.newInputValueDefinition().name(name).type(type).build();
    }
}
