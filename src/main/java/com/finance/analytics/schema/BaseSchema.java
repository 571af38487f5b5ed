package com.finance.analytics.schema;

/** The part of the schema that exists whatever the data: status, discovery and the shared page types. */
final class BaseSchema {

    static final String SDL = """
            type Query {
              "Whether analytics data is being served, and from which build."
              analyticsStatus: AnalyticsStatus!
              "The datasets of the current snapshot, each exposed as a query field."
              datasets: [DatasetInfo!]!
              "One dataset with its columns; NOT_FOUND when there is no such dataset."
              dataset(id: ID!): DatasetInfo!
            }

            type AnalyticsStatus {
              available: Boolean!
              snapshotId: String
              builtAt: DateTime
              dbtVersion: String
              datasetCount: Int!
            }

            type DatasetInfo {
              "The dbt model name."
              id: ID!
              "The query field serving this dataset."
              field: String!
              name: String!
              group: String
              timeGrain: String
              description: String
              "The filter arguments the dataset accepts: startDate, endDate, accountIds, tagIds."
              filters: [String!]!
              columns: [ColumnInfo!]!
            }

            type ColumnInfo {
              name: String!
              field: String!
              "The GraphQL type of the field."
              type: String!
              "The type in the DuckDB mart."
              databaseType: String!
              description: String
            }

            type PageInfo {
              limit: Int!
              offset: Int!
              hasNextPage: Boolean!
            }

            enum SortDirection {
              ASC
              DESC
            }
            """;

    private BaseSchema() {
    }
}
