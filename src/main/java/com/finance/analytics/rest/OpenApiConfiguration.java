package com.finance.analytics.rest;

import com.finance.analytics.catalog.Metric;
import com.finance.analytics.catalog.SemanticLayer;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.schema.GraphQlNames;
import com.finance.analytics.security.RequestLimits;
import com.finance.analytics.view.ConvenienceView;
import com.finance.analytics.view.ViewArgument;
import com.finance.analytics.snapshot.SnapshotManager;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}):
 * the bearer scheme every endpoint needs, the problem detail every failure answers with,
 * and the dataset ids of the snapshot served when the document is asked for (the document
 * is rebuilt per request, so it follows snapshot swaps).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	private static final String PROBLEM = "Problem";

	private static final String DATASET_ID = "id";

	private static final Map<String, String> ERRORS = new TreeMap<>(
			Map.of("400", "Malformed, unknown or undeclared parameter (code BAD_REQUEST)", "401",
					"Missing or invalid bearer token (code UNAUTHENTICATED)", "403",
					"An id that is not the caller's, or a missing scope (code FORBIDDEN)", "404",
					"Unknown dataset (code NOT_FOUND)", "429",
					"The caller already has the most requests in progress one user may have; retry after the "
							+ "Retry-After seconds (code RATE_LIMITED)",
					"503", "No snapshot served, or Dagster not answering (code UNAVAILABLE)", "504",
					"The query took too long (code TIMEOUT)"));

	@Bean
	OpenAPI analyticsOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Analytics REST API")
				.version("1")
				.description("The REST face of the analytics gateway: the same datasets, views, scoping and "
						+ "error codes as /graphql. Money is an exact decimal string (never a float), dates are "
						+ "YYYY-MM-DD strings, failures are RFC 9457 problem details with a `code`."))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer errorsAndDatasetIds(SnapshotManager snapshots, List<ConvenienceView> views,
			RequestLimits limits) {
		return openApi -> {
			// Added here, not with the other components: springdoc drops schemas no
			// operation referenced yet.
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			views.forEach(view -> openApi.getPaths()
				.addPathItem(ViewEndpoints.PREFIX + view.restPath(),
						new PathItem().get(viewOperation(view, limits.maxListSize()))));
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				addErrorResponses(operation);
				snapshots.current().ifPresent(snapshot -> {
					restrictDatasetIds(operation, snapshot.catalog().datasetsById().keySet().stream().toList());
					restrictMetricNames(operation, snapshot.catalog().semantics());
				});
			}));
		};
	}

	/**
	 * A view's operation, from its declaration: registered programmatically, springdoc
	 * cannot describe it.
	 */
	private static Operation viewOperation(ConvenienceView view, int maxListSize) {
		Operation operation = new Operation().summary(view.description())
			.addTagsItem("analytics")
			.operationId(GraphQlNames.field(view.restPath()))
			.responses(new ApiResponses().addApiResponse("200",
					new ApiResponse().description("OK")
						.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
								new MediaType().schema(new ObjectSchema()
									.addProperty("rows", new ArraySchema().items(new ObjectSchema()))
									.required(List.of("rows")))))));
		for (ViewArgument argument : view.arguments()) {
			Schema<?> schema = argument.isDate() ? new StringSchema().format("date")
					: new ArraySchema().items(new StringSchema().format("uuid")).maxItems(maxListSize);
			operation.addParametersItem(new Parameter().in("query")
				.name(argument.restName())
				.description(argument.isDate() ? argument.description()
						: argument.description() + " Repeated or comma-separated.")
				.required(argument.isDate())
				.schema(schema));
		}
		return operation;
	}

	private static void addErrorResponses(Operation operation) {
		ERRORS.forEach(
				(status, description) -> operation.getResponses()
					.putIfAbsent(status, new ApiResponse().description(description)
						.content(new Content().addMediaType(
								org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
	}

	/**
	 * The path's {@code id} as an enum of the datasets served now; any other id still
	 * answers 404.
	 */
	private static void restrictDatasetIds(Operation operation, List<String> ids) {
		if (operation.getParameters() == null || ids.isEmpty()) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			if ("path".equals(parameter.getIn()) && DATASET_ID.equals(parameter.getName())) {
				StringSchema schema = new StringSchema();
				ids.forEach(schema::addEnumItem);
				parameter.schema(schema);
			}
		}
	}

	/**
	 * The metric and dimension names of the metrics query as enums of those served now;
	 * any other name still answers 400.
	 */
	private static void restrictMetricNames(Operation operation, SemanticLayer layer) {
		if (operation.getParameters() == null || layer.metrics().isEmpty()) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			if (!"query".equals(parameter.getIn()) || !(parameter.getSchema() instanceof ArraySchema array)) {
				continue;
			}
			List<String> names = switch (parameter.getName()) {
				case MetricsRestController.METRICS -> layer.metrics().stream().map(Metric::name).toList();
				case MetricsRestController.GROUP_BY -> List.copyOf(layer.dimensionNames());
				default -> List.of();
			};
			if (!names.isEmpty()) {
				StringSchema items = new StringSchema();
				names.forEach(items::addEnumItem);
				array.items(items);
			}
		}
	}

	private static Schema<?> problemSchema() {
		StringSchema code = new StringSchema();
		Arrays.stream(ErrorCode.values()).map(Enum::name).forEach(code::addEnumItem);
		return new ObjectSchema()
			.description("RFC 9457 problem detail; `code` is the same as GraphQL's extensions.code")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty(ErrorCode.EXTENSION, code)
			.required(List.of("status", "code"));
	}

}
