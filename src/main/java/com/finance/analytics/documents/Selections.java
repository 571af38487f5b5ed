package com.finance.analytics.documents;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fields of one level of a document's selections, with the fields of its inline
 * fragments and fragment spreads in their place (a spread of an unknown fragment has
 * none: validation reports it).
 */
public final class Selections {

	private Selections() {
	}

	/** Each field of {@code selections} (none when it is null). */
	public static void forEachField(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Consumer<Field> field) {
		forEachField(selections, fragments, field, spread -> {
		});
	}

	/**
	 * Each field of {@code selections}, and each fragment spread before its fields.
	 */
	public static void forEachField(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Consumer<Field> field, Consumer<FragmentSpread> spreadSeen) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			switch (selection) {
				case Field selected -> field.accept(selected);
				case InlineFragment inline -> forEachField(inline.getSelectionSet(), fragments, field, spreadSeen);
				case FragmentSpread spread -> {
					spreadSeen.accept(spread);
					FragmentDefinition fragment = fragments.get(spread.getName());
					forEachField(fragment == null ? null : fragment.getSelectionSet(), fragments, field, spreadSeen);
				}
				default -> {
				}
			}
		}
	}

}
