package com.finance.analytics.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the optional inclusive date range on the dataset's date column. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = QueryParameters.START_DATE, in = ParameterIn.QUERY, description = "First day (inclusive)",
		schema = @Schema(type = "string", format = "date"))
@Parameter(name = QueryParameters.END_DATE, in = ParameterIn.QUERY, description = "Last day (inclusive)",
		schema = @Schema(type = "string", format = "date"))
@interface DateRangeParameters {

}
