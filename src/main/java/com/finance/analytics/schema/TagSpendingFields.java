package com.finance.analytics.schema;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Relation;
import com.finance.analytics.query.ConvenienceView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The fields of {@code TagSpending} and the mart columns behind them. */
final class TagSpendingFields {

    static final String TYPE = "TagSpending";

    private TagSpendingFields() {
    }

    static Map<String, String> columnsByField(Catalog catalog) {
        String tagColumn = catalog.requireDataset(ConvenienceView.SPENDING_BY_TAG.datasetId())
                .filters().tagIdColumn().orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("tagId", tagColumn);
        fields.put("currency", "currency");
        fields.put("spendingAmount", "spending_amount");
        fields.put("refundAmount", "refund_amount");
        fields.put("netSpendingAmount", "net_spending_amount");
        fields.put("transactionCount", "transaction_count");
        return fields;
    }

    static Optional<Relation> tagRelation(Catalog catalog) {
        String datasetId = ConvenienceView.SPENDING_BY_TAG.datasetId();
        return catalog.requireDataset(datasetId).filters().tagIdColumn()
                .flatMap(column -> catalog.relationFrom(datasetId, column));
    }
}
