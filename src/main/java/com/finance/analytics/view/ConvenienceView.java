package com.finance.analytics.view;

import static com.finance.analytics.schema.SchemaBuilder.named;
import static com.finance.analytics.schema.SchemaBuilder.nonNull;
import static com.finance.analytics.schema.SchemaBuilder.nonNullListOf;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.query.DatasetFilter;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.query.OrderBy;
import com.finance.analytics.query.SortDirection;
import com.finance.analytics.schema.SchemaBuilder;
import com.finance.analytics.schema.SchemaContribution;
import com.finance.analytics.security.Caller;
import com.finance.analytics.security.Callers;
import com.finance.analytics.snapshot.Snapshot;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One convenience view, declared once for both APIs: its GraphQL field and REST path, its
 * arguments, the mart it reads, and its rows. A view is offered only when the snapshot's
 * catalog has what it reads, so a snapshot without it fails closed (the field is absent;
 * the REST path answers UNAVAILABLE).
 */
public abstract class ConvenienceView implements SchemaContribution {

	/**
	 * The query layer every view reads through: scoped by the caller, ids checked for
	 * ownership.
	 */
	protected final DatasetQueryService datasets;

	private final String field;

	private final String restPath;

	private final String description;

	private final List<ViewArgument> arguments;

	protected ConvenienceView(DatasetQueryService datasets, String field, String restPath, String description,
			List<ViewArgument> arguments) {
		this.datasets = datasets;
		this.field = field;
		this.restPath = restPath;
		this.description = description;
		this.arguments = List.copyOf(arguments);
	}

	public String restPath() {
		return restPath;
	}

	public String description() {
		return description;
	}

	public List<ViewArgument> arguments() {
		return arguments;
	}

	/**
	 * The caller's rows of this view; UNAVAILABLE when the snapshot does not have what it
	 * reads.
	 */
	public List<Map<String, Object>> rows(Snapshot snapshot, Caller caller, ViewArguments values) {
		Dataset mart = mart(snapshot.catalog())
			.orElseThrow(() -> ErrorCode.UNAVAILABLE.exception("This view is not available in the current data"));
		return query(snapshot, mart, caller, values);
	}

	@Override
	public final void contribute(SchemaBuilder schema, Optional<Snapshot> snapshot) {
		snapshot.ifPresent(served -> mart(served.catalog()).ifPresent(mart -> {
			String rowType = addRowType(schema, served.catalog(), mart);
			schema.addQueryField(
					FieldDefinition.newFieldDefinition()
						.name(field)
						.description(SchemaBuilder.description(description))
						.inputValueDefinitions(arguments.stream().map(ConvenienceView::argument).toList())
						.type(nonNullListOf(rowType))
						.build(),
					environment -> query(served, mart, Callers.require(environment), values(environment)));
		}));
	}

	/**
	 * The mart this view reads, when the catalog exposes it with every column and filter
	 * the view needs.
	 */
	protected abstract Optional<Dataset> mart(Catalog catalog);

	/** The rows; called only when {@link #mart} is present in the snapshot's catalog. */
	protected abstract List<Map<String, Object>> query(Snapshot snapshot, Dataset mart, Caller caller,
			ViewArguments values);

	/**
	 * The GraphQL type of one row: a mart's generated type, or one the view adds to
	 * {@code schema} here.
	 */
	protected abstract String addRowType(SchemaBuilder schema, Catalog catalog, Dataset mart);

	/**
	 * The mart {@code datasetId}, when exposed with a date filter and every one of
	 * {@code columns}.
	 */
	protected static Optional<Dataset> exposed(Catalog catalog, String datasetId, List<String> columns) {
		return catalog.dataset(datasetId)
			.filter(dataset -> dataset.filters().dateColumn().isPresent())
			.filter(dataset -> columns.stream().allMatch(column -> dataset.column(column).isPresent()));
	}

	protected static OrderBy ascending(String column) {
		return new OrderBy(column, SortDirection.ASC);
	}

	private static InputValueDefinition argument(ViewArgument argument) {
		return InputValueDefinition.newInputValueDefinition()
			.name(argument.graphQlName())
			.description(SchemaBuilder.description(argument.description()))
			.type(argument.isDate() ? nonNull(named("Date")) : ListType.newListType(nonNull(named("UUID"))).build())
			.build();
	}

	private static ViewArguments values(DataFetchingEnvironment environment) {
		return new ViewArguments(environment.getArgument(ViewArgument.START_DATE.graphQlName()),
				environment.getArgument(ViewArgument.END_DATE.graphQlName()),
				ids(environment, ViewArgument.ACCOUNT_IDS), ids(environment, ViewArgument.TAG_IDS));
	}

	/** An id list argument; an empty one is refused, as on REST. */
	private static List<UUID> ids(DataFetchingEnvironment environment, ViewArgument argument) {
		return DatasetFilter.nonEmptyIds(environment.getArgument(argument.graphQlName()), argument.graphQlName());
	}

}
