package com.finance.analytics.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.introspection.Introspection;
import org.springframework.graphql.execution.ErrorType;

/**
 * Refuses an operation before any data fetcher runs when it is too deep, too costly, has too many aliases or root
 * fields, passes an oversized list argument, or introspects while introspection is off. The walk expands fragments
 * and stops at the first exceeded limit, so a fragment bomb costs at most {@code maxComplexity} visits.
 */
public class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final RequestLimits limits;

    public RequestLimitsInstrumentation(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPreOrder(new LimitCounter());
        return super.beginExecuteOperation(parameters, state);
    }

    private final class LimitCounter extends QueryVisitorStub {

        private int fields;
        private int aliases;
        private int rootFields;

        @Override
        public void visitField(QueryVisitorFieldEnvironment field) {
            String name = field.getField().getName();
            boolean root = field.getParentEnvironment() == null;
            if (!limits.introspection() && root && isSchemaIntrospection(name)) {
                throw refused("Introspection is disabled");
            }
            if (++fields > limits.maxComplexity()) {
                throw refused("Query selects more than " + limits.maxComplexity() + " fields");
            }
            if (field.getField().getAlias() != null && ++aliases > limits.maxAliases()) {
                throw refused("Query uses more than " + limits.maxAliases() + " aliases");
            }
            if (root && !field.isTypeNameIntrospectionField() && ++rootFields > limits.maxRootFields()) {
                throw refused("Query has more than " + limits.maxRootFields() + " root fields");
            }
            if (depth(field) > limits.maxDepth()) {
                throw refused("Query is nested deeper than " + limits.maxDepth() + " levels");
            }
            checkListSizes(name, field.getArguments().values());
        }

        private void checkListSizes(String fieldName, Collection<?> values) {
            for (Object value : values) {
                if (value instanceof Collection<?> list) {
                    if (list.size() > limits.maxListSize()) {
                        throw refused("An argument of '" + fieldName + "' lists more than "
                                + limits.maxListSize() + " items");
                    }
                    checkListSizes(fieldName, list);
                } else if (value instanceof Map<?, ?> inputObject) {
                    checkListSizes(fieldName, inputObject.values());
                }
            }
        }
    }

    private static boolean isSchemaIntrospection(String fieldName) {
        return Introspection.SchemaMetaFieldDef.getName().equals(fieldName)
                || Introspection.TypeMetaFieldDef.getName().equals(fieldName);
    }

    private static int depth(QueryVisitorFieldEnvironment field) {
        int depth = 0;
        for (var current = field; current != null; current = current.getParentEnvironment()) {
            depth++;
        }
        return depth;
    }

    private static AbortExecutionException refused(String message) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(Map.of("code", "BAD_REQUEST"))
                .build();
        return new AbortExecutionException(List.of(error));
    }
}
