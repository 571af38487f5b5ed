package com.finance.analytics.query;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Dataset;
import java.util.List;

/**
 * The marts behind the frontend's convenience fields, with the columns each view reads beyond its declared
 * filters. A view is offered only when its mart is exposed with all of them, so a snapshot without it fails closed.
 */
public enum ConvenienceView {
    SPENDING_BY_TAG("fct_daily_spending_by_tag",
            List.of("currency", "spending_amount", "refund_amount", "net_spending_amount", "transaction_count")),
    MONTHLY_TRENDS("fct_monthly_trends", List.of("month", "currency")),
    BALANCE_HISTORY("fct_daily_balance_history", List.of("account_id", "balance_date"));

    private final String datasetId;
    private final List<String> columns;

    ConvenienceView(String datasetId, List<String> columns) {
        this.datasetId = datasetId;
        this.columns = columns;
    }

    public String datasetId() {
        return datasetId;
    }

    List<String> columns() {
        return columns;
    }

    public boolean availableIn(Catalog catalog) {
        return catalog.dataset(datasetId)
                .filter(dataset -> dataset.filters().dateColumn().isPresent())
                .filter(dataset -> columns.stream().allMatch(column -> dataset.column(column).isPresent()))
                .filter(this::hasViewFilters)
                .isPresent();
    }

    private boolean hasViewFilters(Dataset dataset) {
        return switch (this) {
            case SPENDING_BY_TAG -> dataset.filters().tagIdColumn().isPresent();
            case BALANCE_HISTORY -> dataset.filters().accountIdColumn().isPresent();
            case MONTHLY_TRENDS -> true;
        };
    }
}
