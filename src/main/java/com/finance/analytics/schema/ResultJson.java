package com.finance.analytics.schema;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a GraphQL answer's data, as the JSON mapper writes it, for the values
 * graphql-java builds (maps, lists, strings, integers, floats, booleans, nulls) without
 * the mapper's lookup of a serializer for every value: on a year of balance history that
 * lookup was most of the writing. Any other value is handed to the mapper.
 */
final class ResultJson {

	private ResultJson() {
	}

	static String of(Object data, JsonMapper json) {
		StringWriter out = new StringWriter(4096);
		try (JsonGenerator generator = json.createGenerator(out)) {
			write(generator, data, json);
		}
		return out.toString();
	}

	private static void write(JsonGenerator generator, Object value, JsonMapper json) {
		switch (value) {
			case null -> generator.writeNull();
			case String text -> generator.writeString(text);
			case Map<?, ?> object -> {
				generator.writeStartObject();
				for (Map.Entry<?, ?> member : object.entrySet()) {
					generator.writeName(String.valueOf(member.getKey()));
					write(generator, member.getValue(), json);
				}
				generator.writeEndObject();
			}
			case List<?> items -> {
				generator.writeStartArray();
				for (Object item : items) {
					write(generator, item, json);
				}
				generator.writeEndArray();
			}
			case Boolean bool -> generator.writeBoolean(bool);
			case Integer number -> generator.writeNumber(number);
			case Long number -> generator.writeNumber(number);
			case Double number -> generator.writeNumber(number);
			default -> json.writeValue(generator, value);
		}
	}

}
