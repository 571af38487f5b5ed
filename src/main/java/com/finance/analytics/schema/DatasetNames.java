package com.finance.analytics.schema;

import com.finance.analytics.catalog.Dataset;

/** The GraphQL names generated for one dataset. */
record DatasetNames(String queryField, String type, String page, String filter, String column, String orderBy) {

    static DatasetNames of(Dataset dataset) {
        String type = GraphQlNames.type(dataset.id());
        return new DatasetNames(GraphQlNames.field(dataset.id()), type, type + "Page", type + "Filter",
                type + "Column", type + "OrderBy");
    }
}
