package com.finance.analytics.schema;

import com.finance.analytics.query.ConvenienceViewService;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.query.RelationQueryService;
import com.finance.analytics.query.SortDirection;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotPreparer;
import com.finance.analytics.snapshot.SnapshotStatus;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Builds the GraphQL engine of each snapshot before it goes live (generated SDL + base + contributions, wired to
 * that snapshot), and the engine served while there is no snapshot. Instrumentation and exception resolver beans
 * apply to every engine.
 */
@Component
public class GraphQlEngineFactory implements SnapshotPreparer {

    private final DatasetQueryService datasets;
    private final ConvenienceViewService views;
    private final RelationQueryService relations;
    private final ObjectProvider<SchemaContribution> contributions;
    private final ObjectProvider<Instrumentation> instrumentations;
    private final ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers;

    public GraphQlEngineFactory(DatasetQueryService datasets, ConvenienceViewService views,
                                RelationQueryService relations, ObjectProvider<SchemaContribution> contributions,
                                ObjectProvider<Instrumentation> instrumentations,
                                ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers) {
        this.datasets = datasets;
        this.views = views;
        this.relations = relations;
        this.contributions = contributions;
        this.instrumentations = instrumentations;
        this.exceptionResolvers = exceptionResolvers;
    }

    @Override
    public void prepare(Snapshot snapshot) {
        snapshot.attach(GraphQlEngine.class, forSnapshot(snapshot));
    }

    GraphQlEngine forSnapshot(Snapshot snapshot) {
        Supplier<SnapshotStatus> status = () -> new SnapshotStatus(Optional.of(snapshot.info()),
                snapshot.catalog().datasets().size(), Optional.empty());
        return build(GeneratedSdl.write(snapshot.catalog()), wiring -> {
            wireDiscovery(wiring, status);
            wiring.type(TypeRuntimeWiring.newTypeWiring("Query")
                    .dataFetcher("datasets", DiscoveryFetchers.datasets(snapshot.catalog()))
                    .dataFetcher("dataset", DiscoveryFetchers.dataset(snapshot.catalog())));
            new DatasetWiring(snapshot, datasets, views).wire(wiring);
        }, new RelationLoaders(snapshot, relations));
    }

    GraphQlEngine withoutData(Supplier<SnapshotStatus> status) {
        return build("", wiring -> {
            wireDiscovery(wiring, status);
            wiring.type(TypeRuntimeWiring.newTypeWiring("Query")
                    .dataFetcher("datasets", DiscoveryFetchers.unavailable())
                    .dataFetcher("dataset", DiscoveryFetchers.unavailable()));
        }, null);
    }

    private static void wireDiscovery(RuntimeWiring.Builder wiring, Supplier<SnapshotStatus> status) {
        wiring.type(TypeRuntimeWiring.newTypeWiring("Query").dataFetcher("analyticsStatus",
                DiscoveryFetchers.status(status)));
    }

    /**
     * Given to graphql-java directly: Spring's builder would wrap even a single instrumentation in a chain, which
     * graphql-java then walks on every field of every row.
     */
    private Optional<Instrumentation> instrumentation() {
        List<Instrumentation> all = instrumentations.orderedStream().toList();
        return switch (all.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(all.getFirst());
            default -> Optional.of(new ChainedInstrumentation(all));
        };
    }

    private GraphQlEngine build(String generatedSdl, Consumer<RuntimeWiring.Builder> wire, RelationLoaders loaders) {
        SchemaParser parser = new SchemaParser();
        TypeDefinitionRegistry types = parser.parse(ScalarTypes.declarations() + BaseSchema.SDL + generatedSdl);
        List<SchemaContribution> contributed = contributions.orderedStream().toList();
        contributed.forEach(contribution -> types.merge(parser.parse(contribution.sdl())));
        if (types.objectTypeExtensions().containsKey("Mutation") && types.getType("Mutation").isEmpty()) {
            types.add(ObjectTypeDefinition.newObjectTypeDefinition().name("Mutation").build());
        }

        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        ScalarTypes.EXTENDED.forEach(wiring::scalar);
        wiring.type(TypeRuntimeWiring.newTypeWiring("SortDirection").enumValues(SortDirection::valueOf));
        wire.accept(wiring);
        contributed.forEach(contribution -> contribution.wire(wiring));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());

        Optional<Instrumentation> instrumentation = instrumentation();
        GraphQlSource source = GraphQlSource.builder(schema)
                .exceptionResolvers(exceptionResolvers.orderedStream().toList())
                .configureGraphQl(graphQl -> {
                    graphQl.preparsedDocumentProvider(new ParsedDocumentCache());
                    instrumentation.ifPresent(graphQl::instrumentation);
                })
                .build();
        DefaultExecutionGraphQlService execution = new DefaultExecutionGraphQlService(source);
        if (loaders != null) {
            execution.addDataLoaderRegistrar(loaders);
        }
        return new GraphQlEngine(schema, source, execution);
    }
}
