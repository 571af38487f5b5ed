package com.finance.analytics.schema;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.DatasetFilters;
import com.finance.analytics.query.ConvenienceView;
import com.finance.analytics.query.DatasetQuery;
import java.util.ArrayList;
import java.util.List;

/** Writes the SDL generated from a catalog: one type, page, filter and ordering per dataset, and the convenience fields. */
final class GeneratedSdl {

    private GeneratedSdl() {
    }

    static String write(Catalog catalog) {
        StringBuilder fields = new StringBuilder();
        for (Dataset dataset : catalog.datasets()) {
            DatasetNames names = DatasetNames.of(dataset);
            description(fields, "  ", dataset.description());
            fields.append("  ").append(names.queryField()).append('(');
            if (!filterArguments(dataset.filters()).isEmpty()) {
                fields.append("filter: ").append(names.filter()).append(", ");
            }
            fields.append("orderBy: [").append(names.orderBy()).append("!], limit: Int = ")
                    .append(DatasetQuery.DEFAULT_LIMIT).append(", offset: Int = 0): ")
                    .append(names.page()).append("!\n");
        }
        convenienceFields(fields, catalog);
        StringBuilder sdl = new StringBuilder();
        if (!fields.isEmpty()) {
            sdl.append("extend type Query {\n").append(fields).append("}\n\n");
        }
        for (Dataset dataset : catalog.datasets()) {
            datasetTypes(sdl, catalog, dataset);
        }
        if (ConvenienceView.SPENDING_BY_TAG.availableIn(catalog)) {
            tagSpendingType(sdl, catalog);
        }
        return sdl.toString();
    }

    static List<String> filterArguments(DatasetFilters filters) {
        List<String> arguments = new ArrayList<>();
        if (filters.dateColumn().isPresent()) {
            arguments.add("startDate");
            arguments.add("endDate");
        }
        filters.accountIdColumn().ifPresent(column -> arguments.add("accountIds"));
        filters.tagIdColumn().ifPresent(column -> arguments.add("tagIds"));
        return arguments;
    }

    private static void convenienceFields(StringBuilder sdl, Catalog catalog) {
        if (ConvenienceView.SPENDING_BY_TAG.availableIn(catalog)) {
            sdl.append("  \"Spending, refunds and net spending per tag and currency over an inclusive date range.\"\n")
                    .append("  spendingByTag(startDate: Date!, endDate: Date!, tagIds: [UUID!]): [TagSpending!]!\n");
        }
        if (ConvenienceView.MONTHLY_TRENDS.availableIn(catalog)) {
            sdl.append("  \"Income, spending and net per month and currency, months starting in the range.\"\n")
                    .append("  monthlyTrends(startDate: Date!, endDate: Date!): [")
                    .append(GraphQlNames.type(ConvenienceView.MONTHLY_TRENDS.datasetId())).append("!]!\n");
        }
        if (ConvenienceView.BALANCE_HISTORY.availableIn(catalog)) {
            sdl.append("  \"End-of-day balances per account and day over an inclusive date range (all accounts when none given).\"\n")
                    .append("  balanceHistory(accountIds: [UUID!], startDate: Date!, endDate: Date!): [")
                    .append(GraphQlNames.type(ConvenienceView.BALANCE_HISTORY.datasetId())).append("!]!\n");
        }
    }

    private static void datasetTypes(StringBuilder sdl, Catalog catalog, Dataset dataset) {
        DatasetNames names = DatasetNames.of(dataset);
        description(sdl, "", dataset.friendlyName());
        sdl.append("type ").append(names.type()).append(" {\n");
        for (Column column : dataset.columns()) {
            description(sdl, "  ", column.description());
            sdl.append("  ").append(GraphQlNames.field(column.name())).append(": ")
                    .append(ScalarTypes.graphQlType(column.type())).append('\n');
        }
        for (RelationField relation : RelationField.of(catalog, dataset)) {
            sdl.append("  ").append(relation.name()).append(": ").append(relation.sdlType()).append('\n');
        }
        sdl.append("}\n\n");

        sdl.append("type ").append(names.page()).append(" {\n  nodes: [").append(names.type())
                .append("!]!\n  totalCount: Long!\n  pageInfo: PageInfo!\n}\n\n");

        List<String> filters = filterArguments(dataset.filters());
        if (!filters.isEmpty()) {
            sdl.append("input ").append(names.filter()).append(" {\n");
            for (String argument : filters) {
                sdl.append("  ").append(argument).append(": ")
                        .append(argument.endsWith("Date") ? "Date" : "[UUID!]").append('\n');
            }
            sdl.append("}\n\n");
        }

        sdl.append("enum ").append(names.column()).append(" {\n");
        dataset.columns().stream().filter(column -> !column.type().list())
                .forEach(column -> sdl.append("  ").append(GraphQlNames.enumValue(column.name())).append('\n'));
        sdl.append("}\n\n");

        sdl.append("input ").append(names.orderBy()).append(" {\n  column: ").append(names.column())
                .append("!\n  direction: SortDirection = ASC\n}\n\n");
    }

    private static void tagSpendingType(StringBuilder sdl, Catalog catalog) {
        sdl.append("\"Totals of one tag (tagId null = untagged) in one currency over the requested range.\"\n")
                .append("type TagSpending {\n  tagId: UUID\n");
        TagSpendingFields.tagRelation(catalog).ifPresent(relation ->
                sdl.append("  tag: ").append(GraphQlNames.type(relation.toDataset())).append('\n'));
        sdl.append("  currency: String!\n  spendingAmount: BigDecimal!\n  refundAmount: BigDecimal!\n")
                .append("  netSpendingAmount: BigDecimal!\n  transactionCount: Long!\n}\n\n");
    }

    private static void description(StringBuilder sdl, String indent, String text) {
        if (text != null && !text.isBlank()) {
            sdl.append(indent).append("\"\"\"").append(text.strip().replace("\"\"\"", "\\\"\"\"")).append("\"\"\"\n");
        }
    }
}
