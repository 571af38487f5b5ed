package com.finance.analytics.schema;

import com.finance.analytics.error.CodedErrors;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.snapshot.SnapshotLease;
import com.finance.analytics.snapshot.SnapshotManager;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import java.util.Optional;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs each request on the engine of the snapshot it leases for its whole execution, so a
 * swap in the middle of a request changes nothing for it; the lease is released when the
 * response completes; a repeated query is answered from the {@link ResponseCache}.
 * Without a snapshot, a query for data the no-data schema does not have answers
 * UNAVAILABLE rather than a validation error. Every error of every response leaves with
 * an {@code extensions.code} ({@link CodedErrors}), and validation messages without
 * syntax tree dumps ({@link ValidationMessages}).
 */
@Component
public class SnapshotExecutionGraphQlService implements ExecutionGraphQlService {

	private final SnapshotManager snapshots;

	private final GraphQlEngines engines;

	private final ResponseCache responses;

	public SnapshotExecutionGraphQlService(SnapshotManager snapshots, GraphQlEngines engines, ResponseCache responses) {
		this.snapshots = snapshots;
		this.engines = engines;
		this.responses = responses;
	}

	@Override
	public Mono<ExecutionGraphQlResponse> execute(ExecutionGraphQlRequest request) {
		return Mono.defer(() -> {
			Optional<SnapshotLease> lease = snapshots.lease();
			if (lease.isEmpty()) {
				return engines.withoutData()
					.execution()
					.execute(request)
					.map(this::unavailableIfInvalid)
					.map(this::finished);
			}
			// The answer kept is the finished one: a repeat skips the finishing too.
			return Mono.using(lease::get,
					held -> responses.answer(held.snapshot(), request,
							kept -> engines.of(held.snapshot()).execution().execute(kept).map(this::finished)),
					SnapshotLease::close);
		});
	}

	/**
	 * Every error with a code, and no directive advertised that the gateway does not
	 * support.
	 */
	private ExecutionGraphQlResponse finished(ExecutionGraphQlResponse response) {
		ExecutionResult result = response.getExecutionResult();
		ExecutionResult coded = IntrospectedDirectives.withoutUnsupported(
				CodedErrors.withCodes(ValidationMessages.readable(result)), response.getExecutionInput().getQuery(),
				engines.withoutData().schema());
		return coded == result ? response : new DefaultExecutionGraphQlResponse(response.getExecutionInput(), coded);
	}

	private ExecutionGraphQlResponse unavailableIfInvalid(ExecutionGraphQlResponse response) {
		boolean invalid = response.getErrors()
			.stream()
			.map(ResponseError::getErrorType)
			.anyMatch(SnapshotExecutionGraphQlService::isValidationError);
		if (!invalid || response.getData() != null) {
			return response;
		}
		ExecutionResult unavailable = ExecutionResult.newExecutionResult()
			.addError(CodedErrors.graphQlError(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.defaultMessage()))
			.build();
		return new DefaultExecutionGraphQlResponse(response.getExecutionInput(), unavailable);
	}

	private static boolean isValidationError(ErrorClassification classification) {
		return classification == ErrorType.ValidationError;
	}

}
