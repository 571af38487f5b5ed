package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StrictUuidCoercingTest {

	private static final UUID ID = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	private static final String[] NOT_CANONICAL = { "1-1-1-1-1", "0001-0001-0001-0001-000000000001",
			"6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f", "6f1c2a3b4d5e4f608a7192b3c4d5e6f7",
			"{6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7}", " 6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7",
			"6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7 ", "6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6g7",
			"+f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7", "6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7\n" };

	@SuppressWarnings("unchecked")
	private final Coercing<UUID, String> coercing = (Coercing<UUID, String>) StrictUuidCoercing.UUID_SCALAR
		.getCoercing();

	private final GraphQLContext context = GraphQLContext.getDefault();

	@Test
	void acceptsTheCanonicalFormInEitherCase() {
		for (String text : new String[] { ID.toString(), ID.toString().toUpperCase(Locale.ROOT) }) {
			assertThat(coercing.parseValue(text, context, Locale.ROOT)).isEqualTo(ID);
			assertThat(coercing.parseLiteral(new StringValue(text), CoercedVariables.emptyVariables(), context,
					Locale.ROOT))
				.isEqualTo(ID);
		}
	}

	@Test
	void rejectsShortenedAndDecoratedForms() {
		for (String text : NOT_CANONICAL) {
			assertThatThrownBy(() -> coercing.parseValue(text, context, Locale.ROOT)).as(text)
				.isInstanceOf(CoercingParseValueException.class)
				.hasMessageContaining("Invalid UUID");
			assertThatThrownBy(() -> coercing.parseLiteral(new StringValue(text), CoercedVariables.emptyVariables(),
					context, Locale.ROOT))
				.as(text)
				.isInstanceOf(CoercingParseLiteralException.class)
				.hasMessageContaining("Invalid UUID");
		}
	}

	@Test
	void serializesUnchanged() {
		assertThat(coercing.serialize(ID, context, Locale.ROOT)).isEqualTo(ID.toString());
	}

}
