package com.finance.analytics.view;

import static com.finance.analytics.schema.SchemaBuilder.named;
import static com.finance.analytics.schema.SchemaBuilder.nonNull;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.schema.RelationField;
import com.finance.analytics.schema.RowType;
import com.finance.analytics.schema.SchemaBuilder;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import graphql.language.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code spendingByTag}: spending, refunds and net spending summed per tag and currency
 * over a range, from the daily spending-by-tag mart, as rows of its own type
 * {@code TagSpending} (with the tag itself as a relation).
 */
@Component
public class SpendingByTagView extends ConvenienceView {

	private static final String MART = "fct_daily_spending_by_tag";

	private static final String TYPE = "TagSpending";

	private static final String CURRENCY = "currency";

	/**
	 * The summed measures: field name, mart column (whose dbt description the field
	 * carries), type.
	 */
	private static final List<Measure> MEASURES = List.of(
			new Measure("spendingAmount", "spending_amount", "BigDecimal"),
			new Measure("refundAmount", "refund_amount", "BigDecimal"),
			new Measure("netSpendingAmount", "net_spending_amount", "BigDecimal"),
			new Measure("transactionCount", "transaction_count", "Long"));

	/** The columns the view reads besides its filters. */
	private static final List<String> COLUMNS = Stream
		.concat(Stream.of(CURRENCY), MEASURES.stream().map(Measure::column))
		.toList();

	public SpendingByTagView(DatasetQueryService datasets) {
		super(datasets, "spendingByTag", "spending-by-tag",
				"Spending, refunds and net spending per tag and currency over an inclusive date range.",
				List.of(ViewArgument.START_DATE, ViewArgument.END_DATE, ViewArgument.TAG_IDS));
	}

	@Override
	protected Optional<Dataset> mart(Catalog catalog) {
		return exposed(catalog, MART, COLUMNS).filter(dataset -> dataset.filters().tagIdColumn().isPresent());
	}

	@Override
	protected List<Map<String, Object>> query(Snapshot snapshot, Dataset mart, Caller caller, ViewArguments values) {
		return datasets.totals(snapshot, caller, mart.id(), values.filter(), List.of(tagColumn(mart), CURRENCY),
				MEASURES.stream().map(Measure::column).toList());
	}

	@Override
	protected String addRowType(SchemaBuilder schema, Catalog catalog, Dataset mart) {
		String tagColumn = tagColumn(mart);
		RowType row = new RowType(TYPE,
				"Totals of one tag (tagId null = untagged) in one currency over the requested range.")
			.column("tagId", named("UUID"), tagColumn, "The tag; null for untagged transactions.")
			.column("currency", nonNull(named("String")), CURRENCY, "ISO 4217 code of the amounts.");
		MEASURES.forEach(measure -> row.column(measure.field(), measure.type(), measure.column(),
				"Summed over the range: " + mart.requireColumn(measure.column()).description()));
		catalog.relationFrom(MART, tagColumn)
			.ifPresent(relation -> row.relation(RelationField.of(catalog, "tag", relation)));
		row.addTo(schema);
		return TYPE;
	}

	private static String tagColumn(Dataset dataset) {
		return dataset.filters().tagIdColumn().orElseThrow();
	}

	private record Measure(String field, String column, String typeName) {

		Type<?> type() {
			return nonNull(named(typeName));
		}
	}

}
