package com.finance.analytics.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.finance.analytics.catalog.Column;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/**
 * A column and how its values appear in JSON: {@code type} is the value kind (decimal =
 * exact JSON number, date = "YYYY-MM-DD" string, date_time = ISO-8601 UTC string, uuid =
 * string), {@code list} when the value is an array of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ColumnBody(String name, @Schema(allowableValues = {
		"string", "boolean", "int", "long", "big_integer", "float", "decimal", "date", "date_time",
		"uuid" }) String type, boolean list, @JsonProperty("database_type") String databaseType, String description){

	static ColumnBody of(Column column) {
		return new ColumnBody(column.name(), column.type().kind().name().toLowerCase(Locale.ROOT), column.type().list(),
				column.type().duckDbType(), column.description());
	}
}
