package com.finance.analytics.schema;

import graphql.language.Argument;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.execution.DataLoaderRegistrar;

/**
 * What a {@link SchemaContribution} writes into: the type registry (graphql-java AST,
 * never SDL strings built by hand) and the runtime wiring of one engine. A root field and
 * its data fetcher go in with one call.
 */
public final class SchemaBuilder {

	private static final String QUERY = "Query";

	private static final String MUTATION = "Mutation";

	private final TypeDefinitionRegistry types;

	private final RuntimeWiring.Builder wiring;

	private final List<DataLoaderRegistrar> loaders = new ArrayList<>();

	SchemaBuilder(TypeDefinitionRegistry types, RuntimeWiring.Builder wiring) {
		this.types = types;
		this.wiring = wiring;
	}

	/**
	 * Merges the static SDL of a classpath resource, e.g.
	 * {@code graphql/refresh.graphqls}.
	 */
	public void addResource(String resource) {
		try (InputStream sdl = SchemaBuilder.class.getClassLoader().getResourceAsStream(resource)) {
			if (sdl == null) {
				throw new IllegalStateException("Schema resource " + resource + " is missing");
			}
			types.merge(new SchemaParser().parse(new String(sdl.readAllBytes(), StandardCharsets.UTF_8)));
			if (types.objectTypeExtensions().containsKey(MUTATION)) {
				ensureMutationType();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void addType(TypeDefinition<?> type) {
		types.add(type).ifPresent(error -> {
			throw new IllegalStateException(error.getMessage());
		});
	}

	/**
	 * Declares a custom scalar, with its description and {@code @specifiedBy} URL, and
	 * wires its coercing.
	 */
	public void addScalar(GraphQLScalarType scalar) {
		ScalarTypeDefinition.Builder definition = ScalarTypeDefinition.newScalarTypeDefinition()
			.name(scalar.getName())
			.description(description(scalar.getDescription()));
		if (scalar.getSpecifiedByUrl() != null) {
			definition.directive(Directive.newDirective()
				.name("specifiedBy")
				.argument(Argument.newArgument("url", StringValue.of(scalar.getSpecifiedByUrl())).build())
				.build());
		}
		addType(definition.build());
		wiring.scalar(scalar);
	}

	public void addQueryField(FieldDefinition field, DataFetcher<?> fetcher) {
		addRootField(QUERY, field, fetcher);
	}

	public void addMutationField(FieldDefinition field, DataFetcher<?> fetcher) {
		ensureMutationType();
		addRootField(MUTATION, field, fetcher);
	}

	/**
	 * The Mutation type exists only once a feature extends it: a schema without mutations
	 * declares none.
	 */
	private void ensureMutationType() {
		if (types.getType(MUTATION).isEmpty()) {
			addType(ObjectTypeDefinition.newObjectTypeDefinition().name(MUTATION).build());
		}
	}

	/**
	 * Registers per-request data loaders, e.g. one per relation, on the engine this
	 * schema is built for.
	 */
	public void addDataLoaders(DataLoaderRegistrar registrar) {
		loaders.add(registrar);
	}

	List<DataLoaderRegistrar> dataLoaders() {
		return List.copyOf(loaders);
	}

	/**
	 * Wires fields of a type whose definition came from a resource or {@link #addType}.
	 */
	public void wire(TypeRuntimeWiring.Builder type) {
		wiring.type(type);
	}

	private void addRootField(String root, FieldDefinition field, DataFetcher<?> fetcher) {
		addType(ObjectTypeExtensionDefinition.newObjectTypeExtensionDefinition()
			.name(root)
			.fieldDefinition(field)
			.build());
		wiring.type(TypeRuntimeWiring.newTypeWiring(root).dataFetcher(field.getName(), fetcher));
	}

	public static TypeName named(String name) {
		return TypeName.newTypeName(name).build();
	}

	public static NonNullType nonNull(Type<?> type) {
		return NonNullType.newNonNullType(type).build();
	}

	/** {@code [type!]!}: a list that is never null and holds no nulls. */
	public static NonNullType nonNullListOf(String type) {
		return nonNull(ListType.newListType(nonNull(named(type))).build());
	}

	/** A description, or null for a blank text so the printed schema carries none. */
	public static Description description(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		return new Description(stripped, SourceLocation.EMPTY, stripped.contains("\n"));
	}

	/** A field of an object type, with its description. */
	public static FieldDefinition field(String name, Type<?> type, String description) {
		return FieldDefinition.newFieldDefinition().name(name).type(type).description(description(description)).build();
	}

	/**
	 * The {@code direction} of a sort term: base.graphqls's {@code SortDirection},
	 * ascending when absent.
	 */
	public static InputValueDefinition sortDirection() {
		return InputValueDefinition.newInputValueDefinition()
			.name("direction")
			.description(description("Ascending (the default) or descending."))
			.type(named("SortDirection"))
			.defaultValue(EnumValue.of("ASC"))
			.build();
	}

	/** An argument or input field, with its description. */
	public static InputValueDefinition input(String name, Type<?> type, String description) {
		return InputValueDefinition.newInputValueDefinition()
			.name(name)
			.type(type)
			.description(description(description))
			.build();
	}

}
