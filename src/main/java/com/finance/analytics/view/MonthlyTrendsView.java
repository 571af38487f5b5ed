package com.finance.analytics.view;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.schema.GraphQlNames;
import com.finance.analytics.schema.SchemaBuilder;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code monthlyTrends}: the monthly trends mart's rows of months starting in the range, by month and currency. */
@Component
class MonthlyTrendsView extends ConvenienceView {

    private static final String MART = "fct_monthly_trends";

    private final DatasetQueryService datasets;

    MonthlyTrendsView(DatasetQueryService datasets) {
        super("monthlyTrends", "monthly-trends",
                "Income, spending and net per month and currency, months starting in the range.",
                List.of(ViewArgument.START_DATE, ViewArgument.END_DATE));
        this.datasets = datasets;
    }

    @Override
    protected boolean availableIn(Catalog catalog) {
        return mart(catalog).isPresent();
    }

    @Override
    protected List<Map<String, Object>> query(Snapshot snapshot, Caller caller, ViewArguments values) {
        Dataset dataset = mart(snapshot.catalog()).orElseThrow();
        return datasets.all(snapshot, caller, MART, values.filter(),
                List.of(ascending(dataset.filters().dateColumn().orElseThrow()), ascending("currency")));
    }

    @Override
    protected String addRowType(SchemaBuilder schema, Catalog catalog) {
        return GraphQlNames.type(MART);
    }

    private static Optional<Dataset> mart(Catalog catalog) {
        return mart(catalog, MART, List.of("month", "currency"));
    }
}
