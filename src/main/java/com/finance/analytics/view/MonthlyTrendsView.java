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

/**
 * {@code monthlyTrends}: the monthly trends mart's rows of months starting in the range,
 * by month and currency.
 */
@Component
public class MonthlyTrendsView extends ConvenienceView {

	public MonthlyTrendsView(DatasetQueryService datasets) {
		super(datasets, "monthlyTrends", "monthly-trends",
				"Income, spending and net per month and currency, months starting in the range.",
				List.of(ViewArgument.START_DATE, ViewArgument.END_DATE));
	}

	@Override
	protected Optional<Dataset> mart(Catalog catalog) {
		return exposed(catalog, "fct_monthly_trends", List.of("month", "currency"));
	}

	@Override
	protected List<Map<String, Object>> query(Snapshot snapshot, Dataset mart, Caller caller, ViewArguments values) {
		return datasets.all(snapshot, caller, mart.id(), values.filter(),
				List.of(ascending(mart.filters().dateColumn().orElseThrow()), ascending("currency")));
	}

	@Override
	protected String addRowType(SchemaBuilder schema, Catalog catalog, Dataset mart) {
		return GraphQlNames.rowType(mart);
	}

}
