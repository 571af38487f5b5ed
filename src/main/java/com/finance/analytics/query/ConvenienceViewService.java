package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The frontend's views over the marts, so it needs no knowledge of them: spending per tag and currency over a
 * range, monthly trends, and daily balance history. Same scoping and ownership checks as any dataset query.
 */
@Service
public class ConvenienceViewService {

    private final QueryExecutor executor;
    private final DatasetQueryService datasets;

    public ConvenienceViewService(QueryExecutor executor, DatasetQueryService datasets) {
        this.executor = executor;
        this.datasets = datasets;
    }

    /** Rows of tag id (null = untagged), currency and the summed spending measures, per tag and currency. */
    public List<Map<String, Object>> spendingByTag(Snapshot snapshot, Caller caller, LocalDate startDate,
                                                   LocalDate endDate, List<UUID> tagIds) {
        Dataset dataset = require(snapshot, ConvenienceView.SPENDING_BY_TAG);
        DatasetFilter filter = DatasetFilter.of(startDate, endDate, List.of(), tagIds);
        datasets.checkOwnership(snapshot, caller, dataset, filter);
        String tagColumn = dataset.filters().tagIdColumn().orElseThrow();
        List<String> groupBy = List.of(tagColumn, "currency");
        List<String> measures = List.of("spending_amount", "refund_amount", "net_spending_amount", "transaction_count");
        List<Column> columns = Stream.concat(groupBy.stream(), measures.stream()).map(dataset::requireColumn).toList();
        return executor.rows(snapshot, DatasetSql.aggregate(dataset, caller.userId(), filter, groupBy, measures),
                columns);
    }

    public List<Map<String, Object>> monthlyTrends(Snapshot snapshot, Caller caller, LocalDate startDate,
                                                   LocalDate endDate) {
        Dataset dataset = require(snapshot, ConvenienceView.MONTHLY_TRENDS);
        return all(snapshot, caller, dataset, DatasetFilter.of(startDate, endDate, List.of(), List.of()),
                List.of(ascending(dataset.filters().dateColumn().orElseThrow()), ascending("currency")));
    }

    public List<Map<String, Object>> balanceHistory(Snapshot snapshot, Caller caller, List<UUID> accountIds,
                                                    LocalDate startDate, LocalDate endDate) {
        Dataset dataset = require(snapshot, ConvenienceView.BALANCE_HISTORY);
        return all(snapshot, caller, dataset, DatasetFilter.of(startDate, endDate, accountIds, List.of()),
                List.of(ascending("account_id"), ascending(dataset.filters().dateColumn().orElseThrow())));
    }

    /** Every matching row, up to one maximal page; a range needing more is refused rather than cut short. */
    private List<Map<String, Object>> all(Snapshot snapshot, Caller caller, Dataset dataset, DatasetFilter filter,
                                          List<OrderBy> orderBy) {
        Page page = datasets.query(snapshot, caller, dataset.id(),
                new DatasetQuery(filter, orderBy, DatasetQuery.MAX_LIMIT, 0));
        if (page.hasNextPage()) {
            throw new AnalyticsException(ErrorCode.BAD_REQUEST, "The range matches " + page.totalCount()
                    + " rows, more than " + DatasetQuery.MAX_LIMIT + "; narrow the date range or the accounts");
        }
        return new ArrayList<>(page.rows());
    }

    private static OrderBy ascending(String column) {
        return new OrderBy(column, SortDirection.ASC);
    }

    private static Dataset require(Snapshot snapshot, ConvenienceView view) {
        if (!view.availableIn(snapshot.catalog())) {
            throw new AnalyticsException(ErrorCode.UNAVAILABLE, "This view is not available in the current data");
        }
        return snapshot.catalog().requireDataset(view.datasetId());
    }
}
