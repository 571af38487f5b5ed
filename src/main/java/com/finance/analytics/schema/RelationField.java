package com.finance.analytics.schema;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.Relation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A nested object field generated from a relation, e.g. {@code FctTransactions.account: DimAccounts}. */
record RelationField(String name, Relation relation) {

    String loaderName() {
        return "relation:" + relation.fromDataset() + "." + relation.fromColumn();
    }

    String sdlType() {
        String target = GraphQlNames.type(relation.toDataset());
        return relation.many() ? "[" + target + "!]!" : target;
    }

    /** The relation fields of a dataset, named so they never collide with its column fields or each other. */
    static List<RelationField> of(Catalog catalog, Dataset dataset) {
        Set<String> taken = new HashSet<>();
        dataset.columns().forEach(column -> taken.add(GraphQlNames.field(column.name())));
        return catalog.relationsFrom(dataset.id()).stream()
                .map(relation -> {
                    String name = GraphQlNames.relationField(relation.fromColumn(), relation.many());
                    while (!taken.add(name)) {
                        name = name + "Ref";
                    }
                    return new RelationField(name, relation);
                })
                .toList();
    }
}
