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
 * {@code balanceHistory}: end-of-day balances per account and day, from the daily balance
 * mart.
 */
@Component
public class BalanceHistoryView extends ConvenienceView {

	private static final String ACCOUNT = "account_id";

	public BalanceHistoryView(DatasetQueryService datasets) {
		super(datasets, "balanceHistory", "balance-history",
				"End-of-day balances per account and day over an inclusive date range (all accounts when none given).",
				List.of(ViewArgument.ACCOUNT_IDS, ViewArgument.START_DATE, ViewArgument.END_DATE));
	}

	@Override
	protected Optional<Dataset> mart(Catalog catalog) {
		return exposed(catalog, "fct_daily_balance_history", List.of(ACCOUNT, "balance_date"))
			.filter(dataset -> dataset.filters().accountIdColumn().isPresent());
	}

	@Override
	protected List<Map<String, Object>> query(Snapshot snapshot, Dataset mart, Caller caller, ViewArguments values) {
		return datasets.all(snapshot, caller, mart.id(), values.filter(),
				List.of(ascending(ACCOUNT), ascending(mart.filters().dateColumn().orElseThrow())));
	}

	@Override
	protected String addRowType(SchemaBuilder schema, Catalog catalog, Dataset mart) {
		return GraphQlNames.rowType(mart);
	}

}
