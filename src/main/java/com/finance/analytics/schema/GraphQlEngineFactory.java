package com.finance.analytics.schema;

import com.finance.analytics.documents.DocumentProviders;
import com.finance.analytics.query.SortDirection;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotPreparer;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Builds the GraphQL engine of each snapshot before it goes live (the base types plus
 * every {@link SchemaContribution}, each wired to that snapshot), and the engine served
 * while there is no snapshot. Instrumentation and exception resolver beans apply to every
 * engine.
 */
@Component
public class GraphQlEngineFactory implements SnapshotPreparer {

	private final ObjectProvider<SchemaContribution> contributions;

	private final DocumentProviders documents;

	private final ObjectProvider<Instrumentation> instrumentations;

	private final ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers;

	public GraphQlEngineFactory(ObjectProvider<SchemaContribution> contributions, DocumentProviders documents,
			ObjectProvider<Instrumentation> instrumentations,
			ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers) {
		this.contributions = contributions;
		this.documents = documents;
		this.instrumentations = instrumentations;
		this.exceptionResolvers = exceptionResolvers;
	}

	@Override
	public void prepare(Snapshot snapshot) {
		snapshot.attach(GraphQlEngine.class, build(Optional.of(snapshot)));
	}

	GraphQlEngine withoutData() {
		return build(Optional.empty());
	}

	/**
	 * Given to graphql-java directly: Spring's builder would wrap even a single
	 * instrumentation in a chain, which graphql-java then walks on every field of every
	 * row.
	 */
	private Optional<Instrumentation> instrumentation() {
		List<Instrumentation> all = instrumentations.orderedStream().toList();
		return switch (all.size()) {
			case 0 -> Optional.empty();
			case 1 -> Optional.of(all.getFirst());
			default -> Optional.of(new ChainedInstrumentation(all));
		};
	}

	private GraphQlEngine build(Optional<Snapshot> snapshot) {
		TypeDefinitionRegistry types = new TypeDefinitionRegistry();
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		SchemaBuilder schema = new SchemaBuilder(types, wiring);
		ScalarTypes.addTo(schema);
		schema.addResource("graphql/base.graphqls");
		schema.wire(TypeRuntimeWiring.newTypeWiring("SortDirection").enumValues(SortDirection::valueOf));
		contributions.orderedStream().forEach(contribution -> contribution.contribute(schema, snapshot));
		GraphQLSchema graphQlSchema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());

		Optional<Instrumentation> instrumentation = instrumentation();
		GraphQlSource source = GraphQlSource.builder(graphQlSchema)
			.exceptionResolvers(exceptionResolvers.orderedStream().toList())
			.configureGraphQl(graphQl -> {
				graphQl.preparsedDocumentProvider(documents.forSchema(graphQlSchema));
				instrumentation.ifPresent(graphQl::instrumentation);
			})
			.build();
		DefaultExecutionGraphQlService execution = new DefaultExecutionGraphQlService(source);
		schema.dataLoaders().forEach(execution::addDataLoaderRegistrar);
		return new GraphQlEngine(graphQlSchema, source, execution);
	}

}
