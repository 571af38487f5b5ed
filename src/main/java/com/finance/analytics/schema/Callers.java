package com.finance.analytics.schema;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/** The verified caller the security layer put into the GraphQL context; no caller, no data (schema contributions too). */
public final class Callers {

    private Callers() {
    }

    public static Caller require(DataFetchingEnvironment environment) {
        return require(environment.getGraphQlContext());
    }

    public static Caller require(GraphQLContext context) {
        Caller caller = context == null ? null : context.get(Caller.CONTEXT_KEY);
        if (caller == null) {
            throw new AnalyticsException(ErrorCode.UNAUTHENTICATED, "Authentication is required");
        }
        return caller;
    }
}
