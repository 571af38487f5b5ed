package com.finance.analytics.schema;

import graphql.schema.idl.RuntimeWiring;

/**
 * A static part of the schema contributed by another feature (e.g. refresh), added to every snapshot's schema and to
 * the schema served while no snapshot is available. Declare it as a Spring bean; the generator needs no change.
 *
 * <p>The SDL uses {@code extend type Query { ... }} or {@code extend type Mutation { ... }} (the Mutation type is
 * created when a contribution extends it) and may declare its own types. The shared scalars (Date, DateTime,
 * BigDecimal, Long, BigInteger, UUID) are always declared.
 */
public interface SchemaContribution {

    String sdl();

    /** Registers the data fetchers of the fields {@link #sdl()} adds, e.g. {@code wiring.type("Mutation", ...)}. */
    void wire(RuntimeWiring.Builder wiring);
}
