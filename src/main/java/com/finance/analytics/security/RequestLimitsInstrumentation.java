package com.finance.analytics.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.finance.analytics.documents.Selections;
import com.finance.analytics.error.CodedErrors;
import com.finance.analytics.error.ErrorCode;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;

/**
 * Refuses an operation before any data fetcher runs when it is too deep, too costly, has
 * too many aliases or root fields, passes an oversized list argument (literal or
 * variable), or introspects while introspection is off.
 * <p>
 * The walk expands every fragment at every place it is used (graphql-java's
 * {@code QueryTraverser} visits a shared fragment only once, which would let a fragment
 * used first at a shallow level hide its deep uses), counts each expansion towards the
 * cost and stops at the first exceeded limit, so a fragment bomb costs at most
 * {@code maxComplexity} steps.
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
		new OperationWalk(execution.getFragmentsByName(), execution.getCoercedVariables().toMap())
			.selections(execution.getOperationDefinition().getSelectionSet(), 1);
		return super.beginExecuteOperation(parameters, state);
	}

	private final class OperationWalk {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Object> variables;

		private int cost;

		private int aliases;

		private int rootFields;

		OperationWalk(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
			this.fragments = fragments;
			this.variables = variables;
		}

		void selections(SelectionSet selectionSet, int depth) {
			Selections.forEachField(selectionSet, fragments, field -> field(field, depth), spread -> count());
		}

		private void field(Field field, int depth) {
			String name = field.getName();
			boolean root = depth == 1;
			if (!limits.introspection() && root && isSchemaIntrospection(name)) {
				throw refused("Introspection is disabled");
			}
			count();
			if (field.getAlias() != null && ++aliases > limits.maxAliases()) {
				throw refused("Query uses more than " + limits.maxAliases() + " aliases");
			}
			if (root && !Introspection.TypeNameMetaFieldDef.getName().equals(name)
					&& ++rootFields > limits.maxRootFields()) {
				throw refused("Query has more than " + limits.maxRootFields() + " root fields");
			}
			if (depth > limits.maxDepth()) {
				throw refused("Query is nested deeper than " + limits.maxDepth() + " levels");
			}
			for (Argument argument : field.getArguments()) {
				literal(name, argument.getValue());
			}
			selections(field.getSelectionSet(), depth + 1);
		}

		private void count() {
			if (++cost > limits.maxComplexity()) {
				throw refused("Query selects more than " + limits.maxComplexity() + " fields");
			}
		}

		private void literal(String fieldName, Value<?> value) {
			switch (value) {
				case ArrayValue array -> {
					checkSize(fieldName, array.getValues().size());
					array.getValues().forEach(item -> literal(fieldName, item));
				}
				case ObjectValue object -> {
					for (ObjectField objectField : object.getObjectFields()) {
						literal(fieldName, objectField.getValue());
					}
				}
				case VariableReference reference -> variable(fieldName, variables.get(reference.getName()));
				default -> {
				}
			}
		}

		private void variable(String fieldName, Object value) {
			if (value instanceof Collection<?> list) {
				checkSize(fieldName, list.size());
				list.forEach(item -> variable(fieldName, item));
			}
			else if (value instanceof Map<?, ?> inputObject) {
				inputObject.values().forEach(item -> variable(fieldName, item));
			}
		}

		private void checkSize(String fieldName, int size) {
			if (size > limits.maxListSize()) {
				throw refused("An argument of '" + fieldName + "' lists more than " + limits.maxListSize() + " items");
			}
		}

	}

	private static boolean isSchemaIntrospection(String fieldName) {
		return Introspection.SchemaMetaFieldDef.getName().equals(fieldName)
				|| Introspection.TypeMetaFieldDef.getName().equals(fieldName);
	}

	private static AbortExecutionException refused(String message) {
		return new AbortExecutionException(List.of(CodedErrors.graphQlError(ErrorCode.BAD_REQUEST, message)));
	}

}
